package dev.tva.hyperfoil;

import io.hyperfoil.api.config.Benchmark;
import io.hyperfoil.core.impl.LocalBenchmarkData;
import io.hyperfoil.core.impl.LocalSimulationRunner;
import io.hyperfoil.core.parser.BenchmarkParser;
import io.hyperfoil.api.statistics.StatisticsSnapshot;
import io.hyperfoil.http.statistics.HttpStats;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs one Hyperfoil benchmark file in this JVM, as Hyperfoil's {@code run-local} does, and prints each phase's
 * totals in the units {@code lab load} prints: a second opinion on a load the lab emitted.
 *
 * <pre>
 * ./lab load --url 'http://127.0.0.1:8080/hello' --rate 10000/s --duration 10s --warmup 5s --emit hyperfoil --emit-file /tmp/l.hf.yaml
 * ./mvnw -q -o -pl hyperfoil-check -am package -DskipTests -DskipITs dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/hf.cp -Dmdep.includeScope=test
 * java -cp "hyperfoil-check/target/test-classes:$(cat /tmp/hf.cp)" dev.tva.hyperfoil.HyperfoilRun /tmp/l.hf.yaml
 * </pre>
 */
public final class HyperfoilRun {
    private HyperfoilRun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: HyperfoilRun BENCHMARK.yaml");
            System.exit(2);
        }
        Path yaml = Path.of(args[0]);
        Benchmark benchmark;
        try (InputStream in = Files.newInputStream(yaml)) {
            benchmark = BenchmarkParser.instance().buildBenchmark(in, new LocalBenchmarkData(yaml), Map.of());
        }
        Map<String, StatisticsSnapshot> totals = new ConcurrentHashMap<>();
        new LocalSimulationRunner(benchmark, (phase, stepId, metric, snapshot, countDown) ->
                totals.computeIfAbsent(phase.name(), name -> new StatisticsSnapshot()).add(snapshot), null, null).run();
        totals.forEach((phase, s) -> System.out.printf(Locale.ROOT,
                "hyperfoil %s: %,d requests, %,d answered, %,d 2xx, %,d errors, %,d timeouts, blocked %.1f ms,"
                        + " p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                phase, s.requestCount, s.responseCount, HttpStats.get(s).status_2xx, s.errors(), s.requestTimeouts,
                s.blockedTime / 1e6, s.histogram.getValueAtPercentile(50) / 1e6, s.histogram.getValueAtPercentile(90) / 1e6,
                s.histogram.getValueAtPercentile(99) / 1e6, s.histogram.getValueAtPercentile(99.9) / 1e6,
                s.histogram.getMaxValue() / 1e6));
        System.exit(0);
    }
}
