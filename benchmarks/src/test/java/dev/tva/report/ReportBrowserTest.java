package dev.tva.report;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A real browser opens index.html from the file system, with no server, and draws the report and its charts. */
class ReportBrowserTest {
    /*
     * Headless Chromium takes a screenshot of the page. Where no Chromium is installed the test is skipped
     * with a message, except with LAB_REQUIRE_BROWSER=1 (set by .ci/run), where a missing browser fails.
     */
    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");

    @Test
    void headlessChromiumDrawsTheReportInColour(@TempDir Path dir) throws Exception {
        Optional<String> browser = browser();
        if (browser.isEmpty()) {
            String message = "no Chromium on the PATH (tried " + String.join(", ", BROWSERS) + "); install it: apt-get install -y chromium";
            if ("1".equals(System.getenv("LAB_REQUIRE_BROWSER"))) {
                throw new AssertionError(message + " (LAB_REQUIRE_BROWSER=1)");
            }
            Assumptions.abort(message);
        }
        Path out = Fixtures.render(Fixtures.results(dir, true), dir);
        Path png = dir.resolve("report.png");

        Process chromium = new ProcessBuilder(browser.get(), "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + dir.resolve("profile"), "--screenshot=" + png, "--window-size=1280,4000",
                out.resolve("index.html").toUri().toString()).redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile())
                .start();
        assertThat(chromium.waitFor(120, TimeUnit.SECONDS)).as("Chromium finished within 120 s").isTrue();

        assertThat(png).as(Files.readString(dir.resolve("chromium.log"))).isRegularFile();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1280);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        // Text alone gives greys; the charts' model colours and their anti-aliased edges give many more.
        assertThat(colours).hasSizeGreaterThan(200);
    }

    private static Optional<String> browser() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String name : BROWSERS) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return Optional.of(Path.of(dir, name).toString());
                }
            }
        }
        return Optional.empty();
    }
}
