package dev.tva.bench;

import dev.tva.workloads.CpuKernel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every benchmark method, called once directly with its state set up as JMH would, returns the answer
 * its work must produce: a broken benchmark fails the build instead of measuring nothing.
 */
class BenchmarksSmokeTest {

    @Test
    void spawnRunsTheTaskAndReturnsItsResultOnEveryPath() throws Exception {
        SpawnBenchmark b = new SpawnBenchmark();
        b.setUp();
        try {
            assertThat(b.newPlatformThread()).isEqualTo(2);
            assertThat(b.newVirtualThread()).isEqualTo(3);
            assertThat(b.platformPoolTask()).isEqualTo(4);
            assertThat(b.eventLoopTask()).isEqualTo(5);
        } finally {
            b.tearDown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"platform", "virtual", "event-loop"})
    void handoffCompletesEveryRoundTrip(String model) throws Exception {
        HandoffBenchmark b = new HandoffBenchmark();
        b.model = model;
        b.setUp();
        try {
            assertThat(b.pingPong()).isEqualTo(HandoffBenchmark.ROUND_TRIPS);
        } finally {
            b.tearDown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"platform", "virtual", "event-loop"})
    void ioBoundCompletesAllTasksOfBothWorkloadsWithEitherClient(String model) throws Exception {
        IoBoundBenchmark b = new IoBoundBenchmark();
        b.inFlight = 100;
        IoBoundBenchmark.Timers timers = new IoBoundBenchmark.Timers();
        timers.model = model;
        timers.setUp();
        try {
            assertThat(b.sleep(timers)).isEqualTo(new Batch.Done(IoBoundBenchmark.TASKS, 0));
        } finally {
            timers.tearDown();
        }
        for (String client : new String[] {"lean", "library"}) {
            IoBoundBenchmark.Calls calls = new IoBoundBenchmark.Calls();
            calls.model = model;
            calls.client = client;
            calls.setUp();
            try {
                assertThat(b.http(calls)).as(client)
                        .isEqualTo(new Batch.Done(IoBoundBenchmark.TASKS, (long) IoBoundBenchmark.TASKS * IoBoundBenchmark.BYTES));
            } finally {
                calls.tearDown();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"platform", "virtual", "event-loop"})
    void cpuBoundDoesExactlyTheBaselinesWorkOnEveryModel(String model) throws Exception {
        CpuBoundBenchmark b = new CpuBoundBenchmark();
        CpuBoundBenchmark.Models models = new CpuBoundBenchmark.Models();
        models.model = model;
        models.setUp();
        try {
            assertThat(b.cpu(models)).isEqualTo(new Batch.Done(CpuBoundBenchmark.TASKS, b.baselineOneThread()));
        } finally {
            models.tearDown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"platform", "virtual", "event-loop"})
    void mixedReadsEveryAnswerAndComputesOnIt(String model) throws Exception {
        MixedBenchmark b = new MixedBenchmark();
        b.model = model;
        b.client = "lean";
        b.work = 5;
        b.setUp();
        try {
            long expected = 0;
            for (int i = 0; i < MixedBenchmark.TASKS; i++) {
                expected += CpuKernel.run(5, i) + MixedBenchmark.BYTES;
            }
            assertThat(b.mixed()).isEqualTo(new Batch.Done(MixedBenchmark.TASKS, expected));
        } finally {
            b.tearDown();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"platform", "virtual", "event-loop"})
    void fanOutCombinesAllNAnswers(String model) throws Exception {
        FanOutBenchmark b = new FanOutBenchmark();
        b.model = model;
        b.client = "lean";
        for (int calls : new int[] {10, 100}) {
            b.calls = calls;
            b.setUp();
            try {
                // Every answer counted once: n calls of BYTES bytes each.
                assertThat(b.fanOut()).as("%d calls", calls).isEqualTo((long) calls * FanOutBenchmark.BYTES);
                assertThat(b.fanOut()).as("again, %d calls", calls).isEqualTo((long) calls * FanOutBenchmark.BYTES);
            } finally {
                b.tearDown();
            }
        }
    }

    @Test
    void everyPinningVariantFinishesAllItsTasks() throws Exception {
        PinningBenchmark b = new PinningBenchmark();
        b.setUp();
        assertThat(b.unpinned()).isEqualTo(PinningBenchmark.TASKS);
        assertThat(b.reentrantLockNeverPins()).isEqualTo(PinningBenchmark.TASKS);
        assertThat(b.synchronizedPinsBeforeJdk24()).isEqualTo(PinningBenchmark.TASKS);
        assertThat(b.classInitializerPins()).isEqualTo(PinningBenchmark.TASKS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"platform", "virtual"})
    void lockContentionLosesNoIncrement(String model) throws Exception {
        LockContentionBenchmark b = new LockContentionBenchmark();
        b.model = model;
        b.setUp();
        try {
            long perOperation = (long) LockContentionBenchmark.THREADS * LockContentionBenchmark.INCREMENTS;
            assertThat(b.synchronizedCounter()).isEqualTo(perOperation);
            assertThat(b.reentrantLockCounter()).isEqualTo(2 * perOperation);
        } finally {
            b.tearDown();
        }
    }

    @Test
    void suitesAreFoundByNameInAnyCaseAndBadNamesListTheSuites() {
        assertThat(Suite.fromName("iobound")).isEqualTo(Suite.IO_BOUND);
        assertThat(Suite.fromName("IoBoundBenchmark")).isEqualTo(Suite.IO_BOUND);
        assertThat(Suite.ofBenchmark("dev.tva.bench.FanOutBenchmark.fanOut")).isEqualTo(Suite.FAN_OUT);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Suite.fromName("nosuch"))
                .hasMessage("'nosuch' is not a suite; expected one of Spawn, Handoff, IoBound, CpuBound, Mixed, FanOut, Pinning, LockContention");
    }
}
