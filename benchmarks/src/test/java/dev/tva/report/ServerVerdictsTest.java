package dev.tva.report;

import dev.tva.engine.ServerBench;
import dev.tva.load.Fault;
import dev.tva.verdict.Cause;
import dev.tva.workloads.Environment;
import dev.tva.workloads.LatencySummary;
import dev.tva.workloads.web.Endpoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The servers' table and "what to notice" follow from typed rows: a thread bound is named, a row the
 * generator could not pace is blamed on the generator and never on its server, a warm-up that never
 * settled is flagged, and /cpu rows compare CPU per answer.
 */
class ServerVerdictsTest {
    private static final Duration SLO = Duration.ofMillis(100);
    private static final Environment ENV = new Environment("JDK 25", "Linux", 2, 8_192, "abc", "2026-11-30T00:00:00Z");

    @Test
    void aPlatformServerBeyondItsThreadBoundIsThreadBound() {
        ServerBench.Row platform = row("jdk-platform (25 threads)", Endpoint.IO, 1_000, 480, 500.0, 3_700_000,
                List.of(Fault.SERVER_BEHIND), 0, true);
        ServerBench.Row virtual = row("jdk-virtual", Endpoint.IO, 1_000, 995, null, 60_000, List.of(), 0, true);

        assertThat(ServerVerdicts.cause(platform)).contains(Cause.THREADS);
        assertThat(ServerVerdicts.cause(virtual)).isEmpty();
        assertThat(ServerVerdicts.notice(List.of(platform, virtual), SLO))
                .contains("jdk-platform (25 threads) can serve at most 500/s (threads / wait, Little's law); asked for 1,000/s it served 480/s")
                .contains("p99 reached 3,700 ms")
                .contains("jdk-virtual held p99 under 100 ms up to the highest rate asked (1,000/s).");
        assertThat(ServerTable.table(List.of(platform, virtual), "")).contains("INVALID (server)");
    }

    @Test
    void aRateBeyondTheBoundIsTheBoundsDoingEvenWhenTheGeneratorSentAFewLate() {
        ServerBench.Row platform = row("jdk-platform (2 threads)", Endpoint.SLEEP, 40, 15, 20.0, 5_200_000,
                List.of(Fault.GENERATOR_BEHIND), 6, true);

        assertThat(ServerVerdicts.cause(platform)).contains(Cause.THREADS);
        assertThat(ServerVerdicts.notice(List.of(platform), SLO)).contains("can serve at most 20/s").doesNotContain("set the pace");
        assertThat(ServerTable.table(List.of(platform), "")).contains("INVALID (generator)");
    }

    @Test
    void aRowTheGeneratorCouldNotPaceIsBlamedOnTheGeneratorNotTheServer() {
        ServerBench.Row helidon = row("helidon", Endpoint.IO, 1_000, 982, null, 690_000, List.of(Fault.GENERATOR_BEHIND), 52, true);
        ServerBench.Row netty = row("netty", Endpoint.IO, 1_000, 996, null, 55_000, List.of(), 0, true);

        assertThat(ServerVerdicts.cause(helidon)).contains(Cause.GENERATOR_LIMITED);
        String notice = ServerVerdicts.notice(List.of(helidon, netty), SLO);
        assertThat(notice).contains("For helidon at 1,000/s the load generator, not the server, set the pace: 52 requests left late")
                .contains("this row says nothing about its server")
                .doesNotContain("helidon can serve").doesNotContain("queued").doesNotContain("fell behind at")
                .doesNotContain("answered between"); // the generator's row is no point of comparison
        String table = ServerTable.table(List.of(helidon, netty), "");
        assertThat(table).contains("gen late").contains("gen cpu s").contains("INVALID (generator)");
        assertThat(table.lines().filter(l -> l.startsWith("netty")).findFirst().orElseThrow()).endsWith("valid");
    }

    @Test
    void aCpuSetComparesCpuPerAnswerAndSaysAsyncGainsNothing() {
        List<ServerBench.Row> rows = List.of(
                cpuRow("helidon", 1_100), cpuRow("jdk-platform (200 threads)", 1_000), cpuRow("netty", 1_050));

        assertThat(rows).allSatisfy(r -> assertThat(ServerVerdicts.cause(r)).contains(Cause.CORES));
        assertThat(ServerVerdicts.notice(rows, SLO)).contains("every server spent 1,000 to 1,100 us of CPU per answer")
                .contains("async gains nothing here");
    }

    @Test
    void aWarmUpThatNeverSettledIsFlaggedInTheTableAndTheNotice() {
        ServerBench.Row unsettled = row("jdk-virtual", Endpoint.IO, 500, 498, null, 70_000, List.of(), 0, false);

        assertThat(ServerVerdicts.cause(unsettled)).contains(Cause.NOT_STEADY);
        assertThat(ServerVerdicts.notice(List.of(unsettled), SLO))
                .contains("Not steady: jdk-virtual did not settle within its warm-up, so its numbers are not to be trusted.");
        assertThat(ServerTable.table(List.of(unsettled), "")).containsPattern("NO +valid");
    }

    @Test
    void theTableShowsTheShareOfTheCpuTheHostTookAndAQuestionMarkWhenUnknown() {
        ServerBench.Row r = row("netty", Endpoint.IO, 500, 498, null, 70_000, List.of(), 0, true);
        ServerBench.Row stolen = new ServerBench.Row(r.server(), r.label(), r.endpoint(), r.path(), r.targetPerSec(), r.achievedPerSec(),
                r.boundPerSec(), r.latencyMicros(), r.sent(), r.completed(), r.errors(), r.timeouts(), r.late(), r.lateNoConnection(),
                r.lateGenerator(), r.valid(), r.invalidReason(), r.faults(), r.steady(), r.warmupMillis(), r.serverCpuMillis(),
                r.serverRssMb(), r.serverPeakThreads(), r.backendCpuMillis(), r.generatorCpuMillis(), r.generatorMaxGcPauseMillis(),
                r.durationMillis(), r.latencyFrom(), r.env(), r.cpus(), 12.34, null);

        assertThat(ServerTable.table(List.of(stolen), "")).contains("steal %").containsPattern("30 +12\\.3 +- +yes +valid");
        assertThat(ServerTable.table(List.of(r), "")).containsPattern("30 +\\? +- +yes +valid");
    }

    @Test
    void aRowTheGeneratorFellBehindOnWhileTheKernelsMemoryMonitorRanSaysSoAndWhereToLook() {
        ServerBench.Row r = row("netty", Endpoint.IO, 500, 498, null, 70_000, List.of(Fault.GENERATOR_BEHIND), 300, true);
        ServerBench.Row monitored = new ServerBench.Row(r.server(), r.label(), r.endpoint(), r.path(), r.targetPerSec(), r.achievedPerSec(),
                r.boundPerSec(), r.latencyMicros(), r.sent(), r.completed(), r.errors(), r.timeouts(), r.late(), r.lateNoConnection(),
                r.lateGenerator(), r.valid(), r.invalidReason(), r.faults(), r.steady(), r.warmupMillis(), r.serverCpuMillis(),
                r.serverRssMb(), r.serverPeakThreads(), r.backendCpuMillis(), r.generatorCpuMillis(), r.generatorMaxGcPauseMillis(),
                r.durationMillis(), r.latencyFrom(), r.env(), r.cpus(), 0.0, 2.46);

        assertThat(ServerTable.table(List.of(monitored), "")).contains("kdamond %").containsPattern("30 +0\\.0 +2\\.5 +yes +INVALID \\(generator\\)");
        assertThat(ServerTable.invalidReasons(List.of(monitored))).singleElement().asString()
                .contains("kdamond) took 2.5% of the CPU meanwhile").contains("./lab machine quiet");
        // The same row on a machine with no monitor: no such words.
        assertThat(ServerTable.invalidReasons(List.of(r))).singleElement().asString().doesNotContain("kdamond");
    }

    private static ServerBench.Row cpuRow(String label, long cpuMicrosPerAnswer) {
        long completed = 15_000;
        return new ServerBench.Row(label, label, Endpoint.CPU, "/cpu?work=100", 1_000, 1_000, null,
                new LatencySummary(2_000, 3_000, 8_000, 9_000, 10_000), completed, completed, 0, 0, 0, 0, 0, true, null, List.of(),
                true, 8_000, completed * cpuMicrosPerAnswer / 1_000, 200, 30, 1_000, 2_000, 5, 15_000, "intended", ENV, null, null, null);
    }

    private static ServerBench.Row row(String label, Endpoint endpoint, double rate, double achieved, Double bound, long p99Micros,
                                       List<Fault> faults, long lateGenerator, boolean steady) {
        long sent = (long) (rate * 15);
        long lateNoConnection = faults.contains(Fault.SERVER_BEHIND) ? sent : 0;
        return new ServerBench.Row(label.split(" ")[0], label, endpoint, endpoint.path() + "?ms=50", rate, achieved, bound,
                new LatencySummary(p99Micros / 2, p99Micros * 9 / 10, p99Micros, p99Micros, p99Micros), sent, (long) (achieved * 15),
                0, 0, lateNoConnection + lateGenerator, lateNoConnection, lateGenerator, faults.isEmpty(),
                faults.isEmpty() ? null : "late", faults, steady, 8_000, 3_000, 200, 30, 1_000, 2_000, 5, 15_000, "intended", ENV, null, null, null);
    }
}
