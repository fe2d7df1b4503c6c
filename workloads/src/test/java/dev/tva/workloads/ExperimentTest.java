package dev.tva.workloads;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.assertj.core.api.Assertions.assertThat;

class ExperimentTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Runs CPU tasks on a pool; counts how often each seed ran and the most tasks in flight at once. */
    private class CountingModel implements ExecutionModel {
        final AtomicIntegerArray runs;
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final int failEvery;

        CountingModel(int tasks, int failEvery) {
            runs = new AtomicIntegerArray(tasks);
            this.failEvery = failEvery;
        }

        @Override
        public CompletionStage<Long> start(Workload workload) {
            Workload.Cpu cpu = (Workload.Cpu) workload;
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            return CompletableFuture.supplyAsync(() -> {
                runs.incrementAndGet((int) cpu.seed());
                inFlight.decrementAndGet();
                if (failEvery > 0 && cpu.seed() % failEvery == 0) {
                    throw new IllegalStateException(new IOException("task " + cpu.seed() + " failed"));
                }
                return CpuKernel.run(cpu.units(), cpu.seed());
            }, pool);
        }

        @Override
        public Model model() {
            return Model.PLATFORM;
        }

        @Override
        public int parallelism() {
            return 8;
        }

        @Override
        public String describe() {
            return "test pool";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void everyTaskRunsAndCompletesExactlyOnceWithinTheConcurrencyLimit() {
        int tasks = 5_000;
        CountingModel model = new CountingModel(tasks, 0);

        Experiment.Outcome outcome = Experiment.run(model, new Workload.Cpu(1, 0), tasks, 16, Experiment.Progress.NONE);

        assertThat(outcome.completed()).isEqualTo(tasks);
        assertThat(outcome.latencyMicros().getTotalCount()).isEqualTo(tasks);
        assertThat(outcome.errors()).isZero();
        for (int i = 0; i < tasks; i++) {
            assertThat(model.runs.get(i)).as("runs of task %d", i).isEqualTo(1);
        }
        assertThat(model.maxInFlight.get()).isLessThanOrEqualTo(16);
        long expected = 0;
        for (int i = 0; i < tasks; i++) {
            expected += CpuKernel.run(1, i);
        }
        assertThat(outcome.checksum()).isEqualTo(expected);
    }

    @Test
    void failedTasksAreCountedAndTheFirstCauseIsKept() {
        CountingModel model = new CountingModel(1_000, 10);

        Experiment.Outcome outcome = Experiment.run(model, new Workload.Cpu(0, 0), 1_000, 50, Experiment.Progress.NONE);

        assertThat(outcome.completed()).isEqualTo(1_000);
        assertThat(outcome.errors()).isEqualTo(100);
        // only the 900 that succeeded count as throughput
        assertThat(outcome.throughputPerSec()).isEqualTo(900 * 1e9 / outcome.wallNanos());
        assertThat(outcome.firstError()).startsWith("IllegalStateException").contains("failed");
    }

    @Test
    void aModelThatThrowsWhenStartingCountsAsAnErrorNotAHang() {
        ExecutionModel broken = new CountingModel(10, 0) {
            @Override
            public CompletionStage<Long> start(Workload workload) {
                throw new IllegalStateException("cannot start");
            }
        };

        Experiment.Outcome outcome = Experiment.run(broken, new Workload.Cpu(0, 0), 10, 2, Experiment.Progress.NONE);

        assertThat(outcome.errors()).isEqualTo(10);
        assertThat(outcome.firstError()).isEqualTo("IllegalStateException: cannot start");
    }

    @Test
    void aTimelineRecordsWhenEachTaskRan() {
        CountingModel model = new CountingModel(3, 0);

        Experiment.Outcome outcome = Experiment.run(model, i -> new Workload.Cpu(1, i), 3, 1, true, Experiment.Progress.NONE);

        assertThat(outcome.timeline()).hasSize(3);
        for (int i = 1; i < 3; i++) {
            // one at a time: each task starts after the previous one ended
            assertThat(outcome.timeline()[i].startMicros()).isGreaterThanOrEqualTo(outcome.timeline()[i - 1].endMicros());
        }
    }

    @Test
    void warmUpRunsForItsDurationAndWaitsForTasksInFlight() {
        CountingModel model = new CountingModel(10_000_000, 0);

        long tasks = Experiment.warmUp(model, new Workload.Cpu(0, 0), 4, java.time.Duration.ofMillis(200));

        assertThat(tasks).isPositive();
        assertThat(model.inFlight.get()).isZero();
    }

    @Test
    void theDriverItselfCostsLittlePerTask() {
        // A wide margin: the measured figure (lab calibrate) is well under 1 us; this catches a gross regression.
        assertThat(HarnessOverhead.nanosPerTask(200_000, 100)).isLessThan(50_000);
    }

    /** A model whose every task waits {@code millis} on a timer, then returns 1: pure waiting. */
    private static ExecutionModel waiting(java.util.concurrent.ScheduledExecutorService timer, long millis) {
        return new ExecutionModel() {
            @Override
            public CompletionStage<Long> start(Workload workload) {
                CompletableFuture<Long> done = new CompletableFuture<>();
                timer.schedule(() -> done.complete(1L), millis, java.util.concurrent.TimeUnit.MILLISECONDS);
                return done;
            }

            @Override
            public Model model() {
                return Model.EVENT_LOOP;
            }

            @Override
            public int parallelism() {
                return 1;
            }

            @Override
            public String describe() {
                return "a timer";
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void aWindowedRunWarmsUpThenMeasuresItsWindowsAtLittlesBound() {
        java.util.concurrent.ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            // 100 in flight, each waiting 20 ms: Little's law allows 5,000 tasks/s.
            SteadyState rule = new SteadyState(java.time.Duration.ofMillis(200), 2, 0.10, 30);
            List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();
            Experiment.Measured m = Experiment.measure(waiting(timer, 20), i -> new Workload.Sleep(20), 100, rule, 5,
                    new Experiment.WindowListener() {
                        @Override
                        public void window(boolean warmup, int index, double perSec) {
                            events.add((warmup ? "warm-up " : "measured ") + index);
                        }

                        @Override
                        public void measuring() {
                            events.add("measuring");
                        }
                    });

            Experiment.Windows w = m.windows();
            assertThat(w.measuredPerSec()).hasSize(5);
            assertThat(w.steady()).isTrue();
            assertThat(w.warmupPerSec().length).isBetween(4, 30);
            assertThat(events).contains("measuring", "measured 1", "measured 5").doesNotContain("measured 6");
            assertThat(events.indexOf("measuring")).isEqualTo(w.warmupPerSec().length);
            // Wide margins: a busy machine's timer fires late, which only lowers the rate.
            assertThat(w.throughput().mean()).isBetween(2_500.0, 5_100.0);
            assertThat(m.outcome().errors()).isZero();
            // The histogram is swapped a moment after each window's count is read: the same tasks, give or take those few.
            assertThat(m.outcome().latencyMicros().getTotalCount())
                    .isCloseTo(m.outcome().completed(), org.assertj.core.data.Offset.offset(50 + m.outcome().completed() / 100));
            assertThat(m.outcome().latencyMicros().getValueAtPercentile(50)).isBetween(19_000L, 200_000L);
            assertThat(m.outcome().wallNanos()).isBetween(900_000_000L, 3_000_000_000L);
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void aRunWithoutWarmUpIsMeasuredAtOnceAndReportedNotSteady() {
        java.util.concurrent.ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            SteadyState none = new SteadyState(java.time.Duration.ofMillis(100), 2, 0.05, 0);
            Experiment.Measured m = Experiment.measure(waiting(timer, 5), i -> new Workload.Sleep(5), 10, none, 2,
                    Experiment.WindowListener.NONE);

            assertThat(m.windows().warmupPerSec()).isEmpty();
            assertThat(m.windows().steady()).isFalse();
            assertThat(m.windows().measuredPerSec()).hasSize(2);
        } finally {
            timer.shutdownNow();
        }
    }
}
