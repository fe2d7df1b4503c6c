package dev.tva.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tva.bench.BenchRun;
import dev.tva.bench.Score;
import dev.tva.bench.Suite;
import dev.tva.engine.UserException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a JMH JSON result file as markdown: one table per suite (models side by side when the suite
 * has a {@code model} parameter) and "what to notice" lines, which each suite computes from the file's
 * numbers ({@link Suite#notices()}).
 */
public final class BenchDoc {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchDoc() {
    }

    /** Reads a JMH JSON file ({@code -rf json}); benchmarks of other projects are skipped. */
    static List<BenchRun.Row> read(Path jmhJson) throws IOException {
        JsonNode root = JSON.readTree(jmhJson.toFile());
        List<BenchRun.Row> rows = new ArrayList<>();
        for (JsonNode result : root) {
            String name = result.path("benchmark").asText();
            Suite suite;
            try {
                suite = Suite.ofBenchmark(name);
            } catch (IllegalArgumentException e) {
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            result.path("params").properties().forEach(p -> params.put(p.getKey(), p.getValue().asText()));
            JsonNode metric = result.path("primaryMetric");
            rows.add(new BenchRun.Row(suite, name.substring(name.lastIndexOf('.') + 1), params, new Score(metric.path("score").asDouble(),
                    metric.path("scoreError").asDouble(Double.NaN), metric.path("scoreUnit").asText())));
        }
        return rows;
    }

    /** The whole page: where the numbers come from, then a section per suite, then the footprint table. */
    public static String render(Path jmhJson, Path footprint) throws IOException {
        if (!Files.isRegularFile(jmhJson)) {
            throw new UserException(UserException.BAD_INPUT, "Invalid value for option '--doc': no file " + jmhJson);
        }
        List<BenchRun.Row> rows;
        JsonNode first;
        try {
            rows = read(jmhJson);
            first = JSON.readTree(jmhJson.toFile()).path(0);
        } catch (IOException e) {
            throw new UserException(UserException.BAD_INPUT, "Invalid value for option '--doc': " + jmhJson
                    + " is not JMH JSON (" + e.getClass().getSimpleName() + ")");
        }
        if (rows.isEmpty()) {
            throw new UserException(UserException.BAD_INPUT, "Invalid value for option '--doc': " + jmhJson + " holds no result of this lab's suites");
        }
        StringBuilder md = new StringBuilder();
        md.append(BenchHeader.header(jmhJson, footprint, first));
        Path envFile = envFileOf(jmhJson);
        int cores = Files.isRegularFile(envFile) ? JSON.readTree(envFile.toFile()).path("env").path("cores").asInt()
                : Runtime.getRuntime().availableProcessors();
        BenchRun run = new BenchRun(rows, cores, first.path("jdkVersion").asText());
        for (Suite suite : Suite.values()) {
            if (rows.stream().anyMatch(r -> r.suite() == suite)) {
                md.append(section(run, suite));
            }
        }
        if (footprint != null) {
            md.append(FootprintDoc.markdown(footprint));
        }
        return md.toString();
    }

    /** {@code results/X-bench.json} -> {@code results/X-bench-env.json}. */
    public static Path envFileOf(Path jmhJson) {
        String name = jmhJson.getFileName().toString().replaceFirst("\\.json$", "");
        return jmhJson.resolveSibling(name + "-env.json");
    }

    /** A suite's heading, question, table, what to notice (asked of the suite) and how to run it. */
    private static String section(BenchRun run, Suite suite) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(suite.id()).append("\n\n");
        md.append(suite.question()).append(" (`").append(suite.benchmarkClass().getSimpleName()).append(".java`)\n\n");
        md.append(BenchTable.table(run.rows(), suite)).append('\n');
        List<String> notes = suite.notices().notices(run);
        if (!notes.isEmpty()) {
            md.append("What to notice:\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
            md.append('\n');
        }
        md.append("Run it: `java -jar benchmarks/target/benchmarks.jar ").append(suite.id()).append("` or `./lab bench --suite ")
                .append(suite.id()).append("`\n\n");
        return md.toString();
    }
}
