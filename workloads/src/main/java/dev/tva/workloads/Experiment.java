package dev.tva.workloads;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * The experiment driver, identical for every model: issues {@code tasks} tasks with at most
 * {@code concurrency} in flight, and records each task's latency (start to completion) in an
 * HdrHistogram, plus CPU time, peak live threads and peak RSS.
 *
 * <p>It is a closed loop: a new task starts when one finishes. Latency is measured from the moment the
 * task is handed to the model, so time spent queued inside a model (a busy thread pool) counts.
 */
public final class Experiment {

    /** Told about progress about once a second while a run lasts. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (completed, tasks, elapsedMillis) -> { };

        void update(long completed, long tasks, long elapsedMillis);
    }

    /** When one task ran, in microseconds from the start of the run. */
    public record Span(int task, long startMicros, long endMicros) {
    }

    /** What a run measured. {@code checksum} is the wrapping sum of every task's result. */
    public record Outcome(int tasks, int concurrency, long completed, long errors, String firstError,
                          long wallNanos, Histogram latencyMicros, long checksum,
                          long cpuMillis, int peakThreads, long peakRssMb, Span[] timeline) {

        public double throughputPerSec() {
            return wallNanos == 0 ? 0 : completed * 1e9 / wallNanos;
        }
    }

    private Experiment() {
    }

    /** Runs {@code tasks} tasks of {@code workload} (each with its own seed) on {@code model}. */
    public static Outcome run(ExecutionModel model, Workload workload, int tasks, int concurrency, Progress progress) {
        return run(model, workload::forTask, tasks, concurrency, false, progress);
    }

    /**
     * Runs task {@code i} as {@code workloadOfTask.apply(i)}; with {@code timeline}, also keeps when each
     * task started and ended (for small runs that draw a timeline).
     */
    public static Outcome run(ExecutionModel model, IntFunction<Workload> workloadOfTask, int tasks, int concurrency,
                              boolean timeline, Progress progress) {
        Checks.range("tasks", tasks, 1, Integer.MAX_VALUE);
        return drive(model, workloadOfTask, tasks, Long.MAX_VALUE, concurrency, timeline, progress);
    }

    /**
     * Warms a model up: runs tasks with the same settings for {@code duration} (then lets the ones in
     * flight finish) so the JIT, connection pools and thread pools are ready. Returns the tasks run.
     */
    public static long warmUp(ExecutionModel model, Workload workload, int concurrency, Duration duration) {
        if (duration.isZero()) {
            return 0;
        }
        return drive(model, workload::forTask, Integer.MAX_VALUE, System.nanoTime() + duration.toNanos(), concurrency,
                false, Progress.NONE).completed();
    }

    private static Outcome drive(ExecutionModel model, IntFunction<Workload> workloadOfTask, int maxTasks,
                                 long deadlineNanos, int concurrency, boolean timeline, Progress progress) {
        Checks.range("concurrency", concurrency, 1, Integer.MAX_VALUE);
        Histogram latencies = new ConcurrentHistogram(3);
        LongAdder checksum = new LongAdder();
        LongAdder errors = new LongAdder();
        LongAdder completed = new LongAdder();
        AtomicReference<String> firstError = new AtomicReference<>();
        Semaphore inFlight = new Semaphore(concurrency);
        long[] starts = timeline ? new long[maxTasks] : null;
        long[] ends = timeline ? new long[maxTasks] : null;

        try (ResourceSampler sampler = new ResourceSampler(
                elapsed -> progress.update(completed.sum(), maxTasks, elapsed))) {
            long begin = System.nanoTime();
            int started = 0;
            while (started < maxTasks && (deadlineNanos == Long.MAX_VALUE || System.nanoTime() < deadlineNanos)) {
                inFlight.acquireUninterruptibly();
                int task = started++;
                long start = System.nanoTime();
                CompletionStage<Long> stage;
                try {
                    stage = model.start(workloadOfTask.apply(task));
                } catch (RuntimeException e) {
                    stage = CompletableFuture.failedFuture(e);
                }
                stage.whenComplete((result, failure) -> {
                    long end = System.nanoTime();
                    latencies.recordValue(Math.max(0, (end - start) / 1000));
                    if (failure == null) {
                        checksum.add(result);
                    } else {
                        errors.increment();
                        firstError.compareAndSet(null, describe(failure));
                    }
                    if (timeline) {
                        starts[task] = start;
                        ends[task] = end;
                    }
                    completed.increment();
                    inFlight.release();
                });
            }
            // Every task has finished once every permit is back.
            inFlight.acquireUninterruptibly(concurrency);
            long wall = System.nanoTime() - begin;
            return new Outcome(started, concurrency, completed.sum(), errors.sum(), firstError.get(), wall, latencies,
                    checksum.sum(), sampler.cpuMillis(), sampler.peakThreads(), sampler.peakRssMb(),
                    timeline ? spans(starts, ends, begin) : null);
        }
    }

    private static Span[] spans(long[] starts, long[] ends, long begin) {
        Span[] spans = new Span[starts.length];
        for (int i = 0; i < spans.length; i++) {
            spans[i] = new Span(i, (starts[i] - begin) / 1000, (ends[i] - begin) / 1000);
        }
        return spans;
    }

    /** One line for a failure: the root cause's type and the first message found down its causes. */
    public static String describe(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        String message = null;
        for (Throwable c = t; c != null && message == null; c = c.getCause()) {
            message = c.getMessage();
        }
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
