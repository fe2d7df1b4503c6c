package dev.tva.verdict;

import dev.tva.workloads.Bound;
import dev.tva.workloads.Model;
import dev.tva.workloads.RunResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.tva.workloads.WorkloadType.CPU;
import static dev.tva.workloads.WorkloadType.DB;
import static dev.tva.workloads.WorkloadType.HTTP;
import static dev.tva.workloads.WorkloadType.SLEEP;
import static org.assertj.core.api.Assertions.assertThat;

/** The verdicts, fed made-up results: each case is a situation a real run can produce. */
class ModelVerdictsTest {

    private static RunResult platformAtItsThreadBound() {
        // 200 threads, 100 ms each: 2,000 tasks/s at most.
        return Synthetic.row(Model.PLATFORM, SLEEP).perSec(1_986, 10).bound(100_000, Bound.Limit.IN_FLIGHT, "10000 in flight / 100 ms")
                .result();
    }

    @Test
    void virtualSlowestByNoiseIsNotBlamedOnWaitsItCannotHold() {
        List<RunResult> rows = List.of(platformAtItsThreadBound(),
                Synthetic.row(Model.VIRTUAL, SLEEP).perSec(91_000, 3_000).bound(100_000, Bound.Limit.IN_FLIGHT, "10000 in flight / 100 ms").result(),
                Synthetic.row(Model.EVENT_LOOP, SLEEP).perSec(94_000, 2_000).bound(100_000, Bound.Limit.IN_FLIGHT, "10000 in flight / 100 ms").result());

        Verdict v = ModelVerdicts.compare(rows);

        assertThat(v.leaders()).containsExactly("event-loop (2 loops)", "virtual");
        assertThat(v.trailing()).containsExactly("platform (200 threads)");
        assertThat(v.causes()).containsEntry("platform (200 threads)", Cause.THREADS).containsEntry("virtual", Cause.IN_FLIGHT);
        assertThat(v.text()).contains("platform (200 threads) holds only 200 waits at a time")
                .contains("200 / 100 ms = 2,000 tasks/s")
                .doesNotContain("virtual holds only").doesNotContain("2 waits");
    }

    @Test
    void aSmallGapIsNotClaimedEvenWhenTheIntervalsSeparate() {
        RunResult virtual = Synthetic.row(Model.VIRTUAL, SLEEP).perSec(86_000, 500).bound(100_000, Bound.Limit.IN_FLIGHT, "r").result();
        RunResult loop = Synthetic.row(Model.EVENT_LOOP, SLEEP).perSec(91_000, 500).bound(100_000, Bound.Limit.IN_FLIGHT, "r").result();

        Verdict v = ModelVerdicts.compare(List.of(virtual, loop));

        assertThat(virtual.throughput().separatesFrom(loop.throughput())).isTrue();
        assertThat(v.difference()).isFalse();
        assertThat(v.text()).startsWith("What to notice: no measurable difference");
    }

    @Test
    void overlappingIntervalsAreNoMeasurableDifferenceWhateverTheMeans() {
        RunResult a = Synthetic.row(Model.VIRTUAL, HTTP).perSec(1_000, 100).busy(0.5).result();
        RunResult b = Synthetic.row(Model.EVENT_LOOP, HTTP).perSec(1_150, 100).busy(0.5).result();

        Verdict v = ModelVerdicts.compare(List.of(a, b));

        assertThat(v.difference()).isFalse();
        assertThat(v.leaders()).containsExactly("event-loop (2 loops)", "virtual");
        assertThat(v.text()).contains("no measurable difference").contains("1,000 ± 10%").contains("1,150 ± 9%");
    }

    @Test
    void aModelThatTrailsOnBusyCoresIsBlamedOnTheCpuNotOnItsWaits() {
        RunResult virtual = Synthetic.row(Model.VIRTUAL, HTTP).perSec(15_000, 300).bound(200_000, Bound.Limit.IN_FLIGHT, "10000 in flight / 50 ms")
                .busy(0.98).cpu(60_000, 6_000).result();
        RunResult loop = Synthetic.row(Model.EVENT_LOOP, HTTP).perSec(23_000, 500).bound(200_000, Bound.Limit.IN_FLIGHT, "10000 in flight / 50 ms")
                .busy(0.99).cpu(92_000, 6_000).result();

        Verdict v = ModelVerdicts.compare(List.of(virtual, loop));

        assertThat(v.difference()).isTrue();
        assertThat(v.leaders()).containsExactly("event-loop (2 loops)");
        assertThat(v.causes()).containsEntry("virtual", Cause.CORES).containsEntry("event-loop (2 loops)", Cause.CORES);
        assertThat(v.text()).contains("virtual kept the cores 98% busy at 100 us of CPU per task")
                .contains("1.5x less").doesNotContain("holds only");
    }

    @Test
    void cpuBoundWorkTiesOnTheCoresAndASingleLoopComputesOnOneThread() {
        String rule = "2 cores / 1.00 ms CPU per task";
        List<RunResult> rows = List.of(
                Synthetic.row(Model.PLATFORM, CPU).perSec(1_931, 30).bound(1_996, Bound.Limit.CORES, rule).busy(0.99).result(),
                Synthetic.row(Model.VIRTUAL, CPU).perSec(1_964, 25).bound(1_996, Bound.Limit.CORES, rule).busy(1.0).result(),
                Synthetic.row(Model.EVENT_LOOP, CPU).perSec(1_845, 40).bound(1_996, Bound.Limit.CORES, rule).busy(0.97).result(),
                Synthetic.row(Model.EVENT_LOOP, "event-loop (1 loop)", CPU).perSec(1_008, 10).bound(1_996, Bound.Limit.CORES, rule)
                        .parallelism(1).busy(0.54).result());

        Verdict v = ModelVerdicts.compare(rows);

        assertThat(v.leaders()).containsExactlyInAnyOrder("virtual", "platform (200 threads)", "event-loop (2 loops)");
        assertThat(v.trailing()).containsExactly("event-loop (1 loop)");
        assertThat(v.causes()).containsEntry("virtual", Cause.CORES).containsEntry("event-loop (1 loop)", Cause.THREADS);
        assertThat(v.text()).contains("Computing needs cores").contains("event-loop (1 loop) computes on 1 thread: 1.01 cores' worth");
    }

    @Test
    void aPoolBoundSetIsATieAndThePoolIsNamed() {
        String rule = "10 connections (pool 10) / 10 ms";
        List<RunResult> rows = List.of(
                Synthetic.row(Model.PLATFORM, DB).perSec(970, 8).bound(1_000, Bound.Limit.POOL, rule).concurrency(1_000).latencyMillis(10L).result(),
                Synthetic.row(Model.VIRTUAL, DB).perSec(966, 9).bound(1_000, Bound.Limit.POOL, rule).concurrency(1_000).latencyMillis(10L).result(),
                Synthetic.row(Model.EVENT_LOOP, DB).perSec(974, 7).bound(1_000, Bound.Limit.POOL, rule).concurrency(1_000).latencyMillis(10L).result());

        Verdict v = ModelVerdicts.compare(rows);

        assertThat(v.difference()).isFalse();
        assertThat(v.causes().values()).containsOnly(Cause.POOL);
        assertThat(v.text()).contains("no measurable difference").contains("the connection pool is the limit (" + rule + ")")
                .doesNotContain("holds only");
    }

    @Test
    void aRowThatNeverSettledIsNotToBeTrusted() {
        RunResult settled = Synthetic.row(Model.VIRTUAL, SLEEP).perSec(90_000, 1_000).bound(100_000, Bound.Limit.IN_FLIGHT, "r").result();
        RunResult unsettled = Synthetic.row(Model.EVENT_LOOP, SLEEP).perSec(60_000, 20_000).bound(100_000, Bound.Limit.IN_FLIGHT, "r")
                .notSteady().result();

        Verdict v = ModelVerdicts.compare(List.of(settled, unsettled));

        assertThat(v.untrusted()).containsExactly("event-loop (2 loops)");
        assertThat(v.causes()).containsEntry("event-loop (2 loops)", Cause.NOT_STEADY);
        assertThat(v.text()).contains("event-loop (2 loops) never settled in its warm-up").contains("Not to be trusted: event-loop (2 loops)");
    }

    @Test
    void failedTasksAreNamedAndTheRowIsNotTrusted() {
        RunResult failing = Synthetic.row(Model.VIRTUAL, HTTP).perSec(900, 10).errors(12).result();
        RunResult fine = Synthetic.row(Model.EVENT_LOOP, HTTP).perSec(950, 10).result();

        Verdict v = ModelVerdicts.compare(List.of(failing, fine));

        assertThat(v.causes()).containsEntry("virtual", Cause.ERRORS);
        assertThat(v.text()).contains("virtual had 12 failed tasks (IOException: refused)");
    }
}
