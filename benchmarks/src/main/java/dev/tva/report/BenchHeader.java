package dev.tva.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The top of docs/benchmarks.md: where the numbers come from (command, date, commit, machine) and how to read them. */
final class BenchHeader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchHeader() {
    }

    /** The page's title and source: the command and settings of {@code jmhJson}'s run ({@code first} is its first result), or JMH's own. */
    static String header(Path jmhJson, Path footprint, JsonNode first) throws IOException {
        StringBuilder md = new StringBuilder("# Benchmarks (JMH)\n\n");
        Path envFile = BenchDoc.envFileOf(jmhJson);
        String settings = String.format("%d fork(s), warm-up %d x %s, measurement %d x %s", first.path("forks").asInt(),
                first.path("warmupIterations").asInt(), first.path("warmupTime").asText(),
                first.path("measurementIterations").asInt(), first.path("measurementTime").asText());
        md.append("Generated with `./lab bench --doc ").append(jmhJson.toString().replace('\\', '/'))
                .append(footprint == null ? "" : " --footprint " + footprint.toString().replace('\\', '/'))
                .append("` from the JMH JSON of one run (and a footprint run); every number below, in the tables and in the text, "
                        + "is computed from those files.\n\n");
        if (Files.isRegularFile(envFile)) {
            JsonNode rec = JSON.readTree(envFile.toFile());
            JsonNode env = rec.path("env");
            md.append("- command: `").append(rec.path("command").asText()).append("` (").append(settings).append(")\n");
            md.append("- date: ").append(env.path("date").asText()).append(", commit `").append(env.path("commit").asText()).append("`\n");
            md.append("- machine: ").append(env.path("jdk").asText()).append(", ").append(env.path("cores").asInt()).append(" cores, ")
                    .append(Math.round(env.path("memoryMb").asLong() / 1024.0)).append(" GiB RAM, ").append(env.path("os").asText()).append("\n");
            if (rec.path("quick").asBoolean()) {
                md.append("\n**This is a `--quick` run** (").append(settings).append("): a short warm-up and few iterations, so "
                        + "the error columns are wide and small differences mean nothing. `./lab bench` (the suites' own settings: 2 forks, "
                        + "warm-up 3 x 2 s, measurement 5 x 2 s, about 30 minutes here) gives the reference numbers.\n");
            }
        } else {
            md.append("- settings: ").append(settings).append("; JDK ").append(first.path("jdkVersion").asText())
                    .append(" (").append(first.path("vmName").asText()).append(")\n");
        }
        md.append("""

                The benchmark JVMs share the machine's cores with everything the benchmark starts: in the suites that call the
                backend, the backend runs in the same JVM. Scores are JMH's: mean and the half-width of its 99.9% confidence
                interval (`±`). Throughput suites count one operation per task (`@OperationsPerInvocation`), so ops/s is tasks/s.
                The text states a ratio between two scores, or calls one faster or slower, only when their intervals do not overlap;
                where they overlap, it says there is no measurable difference.

                Run one suite: `java -jar benchmarks/target/benchmarks.jar IoBound -p model=virtual,event-loop` (any JMH option), or
                `./lab bench --suite IoBound` (add `--quick` for short settings); each suite's file ends with its own HOW TO RUN.

                """);
        return md.toString();
    }
}
