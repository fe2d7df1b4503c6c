package dev.tva.bench;

import dev.tva.report.BenchDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The shaded jar is a standard JMH jar: {@code java -jar benchmarks.jar} lists and runs every suite. */
class BenchJarIT {
    private static final Path JAR = Path.of("target", "benchmarks.jar");

    record Ran(int exit, String output) {
    }

    /** Runs {@code java -jar target/benchmarks.jar args} with the java running this test. */
    private static Ran jmh(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("JMH finished").isTrue();
        return new Ran(p.exitValue(), output);
    }

    @Test
    void dashLListsEverySuite() throws Exception {
        assertThat(JAR).as("the shade step ran before failsafe").exists();

        Ran ran = jmh("-l");

        assertThat(ran.exit()).as(ran.output()).isZero();
        for (Suite suite : Suite.values()) {
            assertThat(ran.output()).as(suite.id()).contains(suite.benchmarkClass().getName() + ".");
        }
        assertThat(ran.output()).contains("dev.tva.bench.FanOutBenchmark.fanOut").contains("dev.tva.bench.PinningBenchmark.classInitializerPins");
    }

    @Test
    void aTinyRunWritesJsonThatRendersAsTheDocsTable(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("spawn.json");

        Ran ran = jmh("SpawnBenchmark.newVirtualThread", "-f", "1", "-wi", "0", "-i", "1", "-r", "300ms", "-rf", "json", "-rff", json.toString());

        assertThat(ran.exit()).as(ran.output()).isZero();
        assertThat(Files.readString(json)).contains("\"benchmark\" : \"dev.tva.bench.SpawnBenchmark.newVirtualThread\"");
        String markdown = BenchDoc.render(json, null);
        assertThat(markdown).contains("## Spawn").containsPattern("\\| `newVirtualThread` \\| [0-9.,]+ \\|");
    }
}
