package dev.tva.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The report rendered from fixed fixtures: its charts are SVG, every link resolves, and the same JSON gives the same bytes. */
class ReportFilesTest {
    private static final List<String> CHARTS = List.of("throughput-in-flight.svg", "latency-sleep.svg", "latency-http.svg",
            "latency-cpu.svg", "latency-db.svg", "servers-p99.svg", "cpu-per-request.svg", "memory-per-task.svg", "db-pool.svg",
            "cpu-parity.svg", "crossover.svg", "overload-p99.svg");
    private static final Pattern HTML_LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");
    private static final Pattern MD_LINK = Pattern.compile("\\]\\(([^)]*)\\)");
    private static final Pattern ID = Pattern.compile("id=\"([^\"]*)\"");

    @Test
    void everyChartIsAnSvgDocumentThatIndexHtmlShows(@TempDir Path dir) throws Exception {
        Path out = Fixtures.render(Fixtures.results(dir, true), dir);
        String html = Files.readString(out.resolve("index.html"));

        try (Stream<Path> svgs = Files.list(out.resolve("charts"))) {
            assertThat(svgs.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactlyInAnyOrderElementsOf(CHARTS);
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        for (String chart : CHARTS) {
            Document svg = factory.newDocumentBuilder().parse(out.resolve("charts").resolve(chart).toFile());
            assertThat(svg.getDocumentElement().getLocalName()).as(chart).isEqualTo("svg");
            assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
            assertThat(svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text").getLength()).as(chart).isGreaterThan(5);
            assertThat(html).contains("<img src=\"charts/" + chart + "\"");
        }
        assertThat(html).doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    void everyLinkInIndexHtmlAndReportMdResolves(@TempDir Path dir) throws Exception {
        Path out = Fixtures.render(Fixtures.results(dir, true), dir);
        String html = Files.readString(out.resolve("index.html"));
        String md = Files.readString(out.resolve("report.md"));
        List<String> ids = all(ID, html);

        List<String> links = new ArrayList<>(all(HTML_LINK, html));
        links.addAll(all(MD_LINK, md));
        assertThat(links).hasSizeGreaterThan(30);
        for (String link : links) {
            if (link.startsWith("#")) {
                assertThat(ids).as("anchor " + link).contains(link.substring(1));
            } else {
                assertThat(out.resolve(link).normalize()).as(link).isRegularFile();
            }
        }
    }

    @Test
    void theSameJsonGivesByteIdenticalFiles(@TempDir Path dir) throws Exception {
        Path results = Fixtures.results(dir, true);
        Path out = Fixtures.render(results, dir);
        List<byte[]> first = contents(out);

        Report.write(results, "results", out);

        List<byte[]> second = contents(out);
        assertThat(second).hasSameSizeAs(first).hasSize(CHARTS.size() + 2);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i)).isEqualTo(first.get(i));
        }
    }

    @Test
    void withoutACrossoverFileTheMapIsAbsentAndTheReportSaysWhichCommandMakesIt(@TempDir Path dir) throws Exception {
        Path out = Fixtures.render(Fixtures.results(dir, false), dir);
        String md = Files.readString(out.resolve("report.md"));

        assertThat(out.resolve("charts/crossover.svg")).doesNotExist();
        assertThat(md).contains("### The crossover map\n\nNo crossover sweep in these inputs: `./lab crossover --quick` makes one");
        assertThat(md).doesNotContain("notes.txt");
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static List<byte[]> contents(Path out) throws Exception {
        try (Stream<Path> files = Files.walk(out)) {
            List<byte[]> bytes = new ArrayList<>();
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                bytes.add(Files.readAllBytes(p));
            }
            return bytes;
        }
    }
}
