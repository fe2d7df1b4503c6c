package dev.tva.course.sizethepool;

import dev.tva.course.Check.Seen;
import dev.tva.workloads.LatencySummary;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdict on a measured pool, fed synthetic runs: a small pool fails on one run, a busy machine is told apart from a pool without headroom. */
class PoolVerdictTest {
    private static final SizeThePoolChecks.Point TARGET = new SizeThePoolChecks.Point(200, Duration.ofMillis(50));

    private static OpenLoad.Outcome run(int answered, double p99Millis) {
        long p99 = Math.round(p99Millis * 1000);
        return new OpenLoad.Outcome(400, answered, 0, answered / 2.0, new LatencySummary(p99 / 2, p99, p99, p99, p99));
    }

    /** Hands out {@code runs} in turn and counts how many were asked for. */
    private static Supplier<OpenLoad.Outcome> runs(AtomicInteger asked, OpenLoad.Outcome... runs) {
        return () -> runs[Math.min(asked.getAndIncrement(), runs.length - 1)];
    }

    @Test
    void aPoolThatMeetsTheTargetsPassesOnItsFirstRunWithoutAControl() {
        AtomicInteger pool = new AtomicInteger();
        AtomicInteger control = new AtomicInteger();

        Seen seen = PoolVerdict.measure(TARGET, 15, "platform threads", "tasks", runs(pool, run(400, 52)), runs(control, run(400, 51)), "unlimited");

        assertThat(seen.held()).isTrue();
        assertThat(seen.what()).startsWith("a pool of 15 platform threads answered 200 of 200 tasks/s (100%), p99 52.0 ms; target: at least 190/s"
                + " and p99 under 75 ms");
        assertThat(pool.get()).isEqualTo(1);
        assertThat(control.get()).isZero();
    }

    @Test
    void aPoolSmallerThanLittlesNumberFailsOnOneRunAndTheMissGivesItsMostThroughput() {
        AtomicInteger pool = new AtomicInteger();
        AtomicInteger control = new AtomicInteger();

        Seen seen = PoolVerdict.measure(TARGET, 4, "platform threads", "tasks", runs(pool, run(108, 1_640)), runs(control, run(400, 51)), "unlimited");

        assertThat(seen.held()).isFalse();
        assertThat(seen.what()).contains("(27%), p99 1,640.0 ms").contains("so 4 serve at most 4 / 50 ms = 80/s");
        assertThat(pool.get()).isEqualTo(1);
        assertThat(control.get()).isZero();
    }

    @Test
    void onABusyMachineAPoolThatAddsLittleToTheControlsP99Passes() {
        AtomicInteger pool = new AtomicInteger();
        AtomicInteger control = new AtomicInteger();

        Seen seen = PoolVerdict.measure(TARGET, 15, "platform threads", "tasks", runs(pool, run(400, 130)), runs(control, run(400, 120)),
                "a virtual thread per task");

        assertThat(seen.held()).isTrue();
        assertThat(seen.what()).contains("a virtual thread per task, measured right after, had p99 120.0 ms").contains("the pool added 10.0 ms");
    }

    @Test
    void aPoolWithoutHeadroomThatMissesWhereTheControlDoesNotFailsAfterItsTries() {
        AtomicInteger pool = new AtomicInteger();
        AtomicInteger control = new AtomicInteger();

        Seen seen = PoolVerdict.measure(TARGET, 10, "platform threads", "tasks", runs(pool, run(398, 95)), runs(control, run(400, 52)), "unlimited");

        assertThat(seen.held()).isFalse();
        assertThat(seen.what()).contains("10 platform threads for 10 in flight are busy nearly all the time").contains("leave headroom");
        assertThat(pool.get()).isEqualTo(PoolVerdict.TRIES);
    }
}
