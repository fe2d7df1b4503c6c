package dev.tva.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tva.verdict.ModelVerdicts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The summary and the decision guide cite the fixtures' numbers, and no number that is not in them. */
class ReportNumbersTest {
    /*
     * The allowed figures are computed here, independently of the report's code, from every number in the
     * fixture files (as counts, milliseconds of microseconds, percentages of fractions, JMH scores), every
     * number written inside their text fields (a bound's rule, a label), CPU per request (cpuMillis / tasks)
     * and what the library client adds to it, what slowloris added to a server (attacked minus idle), what
     * an idle connection cost one (per connection served), and the rule constants the text names.
     */
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z0-9_.])(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\([^)]*\\)");
    private static final Pattern CODE = Pattern.compile("`[^`]*`");

    @Test
    void theSummaryAndTheGuideCiteTheFixturesNumbers(@TempDir Path dir) throws Exception {
        String text = summaryAndGuide(dir);

        assertThat(text).contains(
                "virtual 99,000 tasks/s (95% interval 98,000 to 100,000), 99% of the bound",
                "platform (200 threads) 2,000 tasks/s (95% interval 1,990 to 2,010), 2% of the bound",
                "event-loop (2 loops), lean 19,100 tasks/s (95% interval 18,950 to 19,250)",
                "bound 1,998 tasks/s: 2 cores / 1.00 ms CPU per task",
                "p99 441 ms", "helidon 54.0 ms",
                "a virtual thread held 2,148 B", "event-loop task 287 B",
                String.format(Locale.ROOT, "%,.0f us of CPU per request with the lean client; the library client adds %,.0f us",
                        2145 * 1000.0 / 39000, 12672 * 1000.0 / 38400 - 2145 * 1000.0 / 39000),
                "3,791 tasks failed waiting for a connection", "84.9 ± 1.96 ms/op", "5.26 ± 0.062 ms/op");
    }

    @Test
    void noOtherFigureAppearsInTheSummaryOrTheGuide(@TempDir Path dir) throws Exception {
        String text = LINK.matcher(CODE.matcher(summaryAndGuide(dir)).replaceAll(" ")).replaceAll(" ");
        Set<String> allowed = allowed(Fixtures.resource("/report/results"));

        Matcher m = NUMBER.matcher(text);
        int seen = 0;
        while (m.find()) {
            seen++;
            assertThat(allowed).as("'" + m.group(1) + "' in: ..." + text.substring(Math.max(0, m.start() - 60), m.end()) + "...")
                    .contains(m.group(1));
        }
        assertThat(seen).isGreaterThan(100);
    }

    private static String summaryAndGuide(Path dir) throws Exception {
        String md = Files.readString(Fixtures.render(Fixtures.results(dir, false), dir).resolve("report.md"));
        return md.substring(md.indexOf("## Summary"), md.indexOf("## Charts"));
    }

    private static Set<String> allowed(Path results) throws Exception {
        Set<String> allowed = new HashSet<>(List.of("95", "99.9", "24", String.valueOf(Slo.P99_MILLIS),
                String.valueOf(Math.round(ModelVerdicts.SMALLEST_CLAIM * 100))));
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.walk(results)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                walk(json.readTree(f.toFile()), allowed);
            }
        }
        return allowed;
    }

    private static void walk(JsonNode node, Set<String> allowed) {
        if (node.isNumber()) {
            formats(node.asDouble(), allowed);
        } else if (node.isTextual()) {
            Matcher m = NUMBER.matcher(node.asText());
            while (m.find()) {
                allowed.add(m.group(1));
            }
        } else if (node.isArray() && node.size() > 0 && node.get(0).has("cpuMillis")) {
            Map<String, Double> leanMicros = new HashMap<>();
            node.forEach(r -> {
                double micros = r.path("cpuMillis").asDouble() * 1000 / r.path("tasks").asDouble();
                formats(micros, allowed);
                if ("lean".equals(r.path("client").asText())) {
                    leanMicros.put(r.path("model").asText(), micros);
                }
            });
            node.forEach(r -> {
                Double lean = leanMicros.get(r.path("model").asText());
                if (lean != null) {
                    formats(r.path("cpuMillis").asDouble() * 1000 / r.path("tasks").asDouble() - lean, allowed);
                }
            });
            node.forEach(child -> walk(child, allowed));
        } else {
            reliability(node, allowed);
            node.properties().forEach(e -> {
                if (!e.getKey().equals("latencyHistogram")) {
                    walk(e.getValue(), allowed);
                }
            });
            if (node.isArray()) {
                node.forEach(child -> walk(child, allowed));
            }
        }
    }

    /** The differences a slowloris run and the per-connection costs an idle run imply. */
    private static void reliability(JsonNode node, Set<String> allowed) {
        if (node.has("attacked") && node.has("idle") && node.path("idle").isObject()) {
            node.path("attacked").properties()
                    .forEach(e -> formats(e.getValue().asDouble() - node.path("idle").path(e.getKey()).asDouble(), allowed));
        }
        if (node.has("rssMbWith") && node.path("served").asInt() > 0) {
            double served = node.path("served").asDouble();
            formats((node.path("rssMbWith").asDouble() - node.path("rssMbBefore").asDouble()) * 1024 / served, allowed);
            formats((node.path("threadsWith").asDouble() - node.path("threadsBefore").asDouble()) / served, allowed);
        }
    }

    /** A value as the report may print it: a count, milliseconds of microseconds, a percentage of a fraction, a score. */
    private static void formats(double v, Set<String> allowed) {
        if (v == Math.rint(v)) {
            allowed.add(String.valueOf((long) v));
        }
        allowed.add(String.format(Locale.ROOT, "%,.0f", v));
        double ms = v / 1000;
        allowed.add(String.format(Locale.ROOT, ms >= 100 ? "%,.0f" : ms >= 10 ? "%.1f" : "%.2f", ms));
        allowed.add(String.format(Locale.ROOT, "%.0f", v * 100));
        double abs = Math.abs(v);
        allowed.add(String.format(Locale.ROOT, abs >= 100 ? "%,.0f" : abs >= 10 ? "%.1f" : abs >= 1 ? "%.2f" : "%.3f", v));
    }
}
