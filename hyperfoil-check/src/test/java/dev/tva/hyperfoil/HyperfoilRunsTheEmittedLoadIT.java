package dev.tva.hyperfoil;

import io.hyperfoil.api.config.Benchmark;
import io.hyperfoil.api.config.Model;
import io.hyperfoil.api.config.Phase;
import io.hyperfoil.api.session.PhaseInstance;
import io.hyperfoil.api.statistics.StatisticsSnapshot;
import io.hyperfoil.core.impl.LocalBenchmarkData;
import io.hyperfoil.core.impl.LocalSimulationRunner;
import io.hyperfoil.core.parser.BenchmarkParser;
import io.hyperfoil.http.config.Http;
import io.hyperfoil.http.config.HttpPluginConfig;
import io.hyperfoil.http.statistics.HttpStats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code lab load --emit hyperfoil} writes is a real Hyperfoil benchmark: Hyperfoil's own parser reads it into
 * the phases and settings of the {@code lab load} run, and Hyperfoil's own runner sends that load to a lab server,
 * which answers every request. The lab runs as processes ({@link Lab}); Hyperfoil runs in this JVM.
 */
class HyperfoilRunsTheEmittedLoadIT {
    private static Lab.Server netty;

    @BeforeAll
    static void startTheLabsNettyServer() {
        netty = Lab.serve("netty");
    }

    @AfterAll
    static void stopIt() {
        if (netty != null) {
            netty.close();
        }
    }

    @Test
    void theOpenModelRunsAsAConstantRateAndItsMeasuredPhaseGetsEveryAnswer(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("lab-load.hf.yaml");
        Lab.run("load", "--url", netty.url("/hello"), "--rate", "100/s", "--duration", "3s", "--warmup", "1s",
                "--connections", "100", "--emit", "hyperfoil", "--emit-file", yaml.toString());

        Benchmark benchmark = parse(yaml);
        assertThat(benchmark.name()).isEqualTo("lab-load");
        Http http = benchmark.plugin(HttpPluginConfig.class).defaultHttp();
        assertThat(http.host()).isEqualTo("127.0.0.1");
        assertThat(http.port()).isEqualTo(netty.port());
        assertThat(http.sharedConnections().max()).isEqualTo(100);
        Map<String, Phase> phases = benchmark.phases().stream().collect(Collectors.toMap(Phase::name, p -> p));
        assertThat(phases).containsOnlyKeys("warmup", "main");
        assertThat(phases.get("warmup").isWarmup).isTrue();
        assertThat(phases.get("warmup").duration()).isEqualTo(1_000);
        Phase main = phases.get("main");
        assertThat(main.startAfter()).containsExactly("warmup");
        assertThat(main.duration()).isEqualTo(3_000);
        assertThat(main.model).isInstanceOfSatisfying(Model.ConstantRate.class, rate -> {
            assertThat(rate.usersPerSec).isEqualTo(100);
            assertThat(rate.variance).as("evenly spaced arrivals, as lab load sends them").isFalse();
            assertThat(rate.maxSessions).isEqualTo(100);
        });

        Ran ran = run(benchmark);

        StatisticsSnapshot measured = ran.totals().get("main");
        System.out.println("hyperfoil, open model, 100/s for 3 s against netty /hello: " + describe(measured));
        // 100/s for 3 s is 300 requests; a busy 2-core machine may start fewer, never a wrong answer.
        assertThat(measured.requestCount).isBetween(150, 330);
        assertAllAnswered(measured);
        assertThat(ran.overSessionLimit()).as("phases that wanted more requests in flight than --connections").doesNotContain("main");
        assertThat(ran.totals().get("warmup").requestCount).isPositive();
    }

    @Test
    void theClosedModelRunsAsAnAlwaysPhaseWithOneUserPerConnection(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("lab-load.hf.yaml");
        // The closed model sends as fast as answers come: a 50 ms wait keeps it to 4 / 50 ms = 80 requests/s here.
        // No warm-up phase here (lab load's default is 5 s): this checks the closed model's one measured phase.
        Lab.run("load", "--url", netty.url("/sleep?ms=50"), "--closed", "--connections", "4", "--duration", "2s",
                "--warmup", "0s", "--emit", "hyperfoil", "--emit-file", yaml.toString());

        Benchmark benchmark = parse(yaml);
        Phase main = benchmark.phases().iterator().next();
        assertThat(main.name()).isEqualTo("main");
        assertThat(main.model).isInstanceOfSatisfying(Model.Always.class, always -> assertThat(always.users).isEqualTo(4));

        StatisticsSnapshot measured = run(benchmark).totals().get("main");
        System.out.println("hyperfoil, closed model, 4 connections for 2 s against netty /sleep?ms=50: " + describe(measured));
        assertThat(measured.requestCount).as("at most 4 / 50 ms for 2 s").isBetween(1, 170);
        assertAllAnswered(measured);
    }

    /** Hyperfoil's own parser, as its Maven plugin and CLI call it. */
    private static Benchmark parse(Path yaml) throws Exception {
        try (InputStream in = Files.newInputStream(yaml)) {
            return BenchmarkParser.instance().buildBenchmark(in, new LocalBenchmarkData(yaml), Map.of());
        }
    }

    /** Each phase's totals, and the phases that ran out of sessions (which only Hyperfoil's controller reports). */
    private record Ran(Map<String, StatisticsSnapshot> totals, Set<String> overSessionLimit) {
    }

    /** Runs it in this JVM, as Hyperfoil's {@code run-local} and Maven plugin do. */
    private static Ran run(Benchmark benchmark) {
        Ran ran = new Ran(new ConcurrentHashMap<>(), ConcurrentHashMap.newKeySet());
        new LocalSimulationRunner(benchmark, (phase, stepId, metric, snapshot, countDown) ->
                ran.totals().computeIfAbsent(phase.name(), name -> new StatisticsSnapshot()).add(snapshot), null, null) {
            @Override
            protected CompletableFuture<Void> phaseChanged(Phase phase, PhaseInstance.Status status, boolean sessionLimitExceeded,
                                                           Throwable error) {
                if (sessionLimitExceeded) {
                    ran.overSessionLimit().add(phase.name());
                }
                return super.phaseChanged(phase, status, sessionLimitExceeded, error);
            }
        }.run();
        return ran;
    }

    /** What the emitted SLA asks, checked here because only Hyperfoil's controller checks SLAs. */
    private static void assertAllAnswered(StatisticsSnapshot s) {
        assertThat(s.responseCount).isEqualTo(s.requestCount);
        assertThat(HttpStats.get(s).status_2xx).isEqualTo(s.requestCount);
        assertThat(s.errors()).as("connection errors, timeouts, internal errors").isZero();
        assertThat(s.requestTimeouts).isZero();
        assertThat(s.invalid).isZero();
        assertThat(s.blockedTime).as("time spent waiting for a free connection").isZero();
    }

    private static String describe(StatisticsSnapshot s) {
        return String.format(java.util.Locale.ROOT, "%d requests, %d answered, %d 2xx, %d errors, p99 %.1f ms",
                s.requestCount, s.responseCount, HttpStats.get(s).status_2xx, s.errors(),
                s.histogram.getValueAtPercentile(99) / 1e6);
    }
}
