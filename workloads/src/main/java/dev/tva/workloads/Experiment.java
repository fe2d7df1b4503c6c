package dev.tva.workloads;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * The experiment driver, identical for every model: issues {@code tasks} tasks with at most
 * {@code concurrency} in flight, and records each task's latency (start to completion) in an
 * HdrHistogram, plus CPU time, peak live threads and peak RSS.
 *
 * <p>It is a closed loop: a new task starts when one finishes, on the thread that finished it (so the
 * driver thread is not woken per task). Latency is measured from the moment the task is handed to the
 * model, so time spent queued inside a model (a busy thread pool) counts.
 *
 * <p>{@link #measure} is the way numbers are taken, as JMH takes them: the run warms up in windows of
 * fixed length until its throughput is steady ({@link SteadyState}), then counts completions in a fixed
 * number of measured windows, one continuous run throughout. {@link #run} runs a fixed number of tasks
 * instead, for users who ask for a count (and for checks that need every task's result).
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

        /** Tasks that succeeded per second: a failed task is counted in {@code errors}, never as throughput. */
        public double throughputPerSec() {
            return wallNanos == 0 ? 0 : (completed - errors) * 1e9 / wallNanos;
        }
    }

    /**
     * How a windowed run was measured: the throughput of each warm-up and each measured window (tasks
     * that succeeded per second), and whether the warm-up settled before its cap.
     */
    public record Windows(long windowMillis, double[] warmupPerSec, double[] measuredPerSec, boolean steady) {

        /** The measured windows' mean throughput with its 95% interval. */
        public Interval throughput() {
            return Interval.of(measuredPerSec);
        }

        /** How long the warm-up lasted. */
        public long warmupMillis() {
            return warmupPerSec.length * windowMillis;
        }
    }

    /** A windowed run's result: the measured windows as one outcome, and the windows themselves. */
    public record Measured(Outcome outcome, Windows windows, long warmupTasks) {
    }

    /** Told about each window as it closes, and when measuring starts and ends. */
    public interface WindowListener {
        WindowListener NONE = (warmup, index, perSec) -> { };

        /** A window closed: {@code index} counts from 1 within its phase. */
        void window(boolean warmup, int index, double perSec);

        /** The warm-up is over; the measured windows start now. */
        default void measuring() {
        }

        /** The last measured window has closed. */
        default void measured() {
        }
    }

    private Experiment() {
    }

    /**
     * Warms up in windows until steady (or the cap), then measures {@code windows} windows, in one
     * continuous run with at most {@code concurrency} tasks in flight. The slots start spread over the
     * first window, so tasks that wait the same time do not complete in lock-step waves that a window's
     * edge would cut at random. Tasks still in flight at the end are not waited for: closing the model
     * ends them.
     */
    public static Measured measure(ExecutionModel model, IntFunction<Workload> workloadOfTask, int concurrency,
                                   SteadyState steady, int windows, WindowListener listener) {
        Checks.range("windows", windows, 0, 10_000);
        Checks.range("concurrency", concurrency, 1, Integer.MAX_VALUE);
        Run run = new Run(model, workloadOfTask, Integer.MAX_VALUE, Long.MAX_VALUE, false);
        run.recorder = new Recorder(3);
        long windowNanos = steady.window().toNanos();
        try (ResourceSampler sampler = new ResourceSampler(elapsed -> { })) {
            run.begin = System.nanoTime();
            for (int slot = 0; slot < concurrency; slot++) {
                parkUntil(run.begin + windowNanos * slot / concurrency);
                run.next();
            }
            Tally last = new Tally(run.begin, 0, 0);
            List<Double> warm = new ArrayList<>();
            boolean settled = false;
            while (!settled && !steady.capped(warm.size())) {
                Tally now = Tally.at(run, run.begin + (warm.size() + 1) * windowNanos);
                warm.add(now.perSecSince(last));
                last = now;
                listener.window(true, warm.size(), warm.get(warm.size() - 1));
                settled = steady.settled(warm);
            }
            long warmupTasks = last.completed;
            if (windows == 0) {
                run.stop();
                run.retired.acquireUninterruptibly(concurrency);
                return new Measured(null, new Windows(windowNanos / 1_000_000, toArray(warm), new double[0], settled), warmupTasks);
            }
            listener.measuring();
            run.recorder.reset();
            Tally start = last;
            long cpuStart = sampler.cpuMillis();
            double[] measured = new double[windows];
            Histogram latencies = new Histogram(3);
            for (int i = 0; i < windows; i++) {
                Tally now = Tally.at(run, start.nanos + (i + 1) * windowNanos);
                latencies.add(run.recorder.getIntervalHistogram());
                measured[i] = now.perSecSince(last);
                last = now;
                listener.window(false, i + 1, measured[i]);
            }
            run.stop();
            long cpu = cpuStart < 0 ? -1 : sampler.cpuMillis() - cpuStart;
            listener.measured();
            long completed = last.completed - start.completed;
            long errors = last.errors - start.errors;
            Outcome outcome = new Outcome((int) Math.min(Integer.MAX_VALUE, completed), concurrency, completed, errors,
                    run.firstError.get(), last.nanos - start.nanos, latencies, run.checksum.sum(), cpu,
                    sampler.peakThreads(), sampler.peakRssMb(), null);
            return new Measured(outcome, new Windows(windowNanos / 1_000_000, toArray(warm), measured, settled), warmupTasks);
        }
    }

    /** Counts at one moment of a run: completions and errors so far. */
    private record Tally(long nanos, long completed, long errors) {
        Tally(Run run, long nanos) {
            this(nanos, run.completed.sum(), run.errors.sum());
        }

        /** Waits until {@code when}, then counts. */
        static Tally at(Run run, long when) {
            parkUntil(when);
            return new Tally(run, System.nanoTime());
        }

        /** Tasks that succeeded per second between {@code before} and this moment. */
        double perSecSince(Tally before) {
            long succeeded = (completed - errors) - (before.completed - before.errors);
            return nanos == before.nanos ? 0 : succeeded * 1e9 / (nanos - before.nanos);
        }
    }

    private static void parkUntil(long deadlineNanos) {
        for (long left = deadlineNanos - System.nanoTime(); left > 0; left = deadlineNanos - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
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
        Run run = new Run(model, workloadOfTask, maxTasks, deadlineNanos, timeline);
        int slots = Math.min(concurrency, maxTasks);
        try (ResourceSampler sampler = new ResourceSampler(
                elapsed -> progress.update(run.completed.sum(), maxTasks, elapsed))) {
            run.begin = System.nanoTime();
            for (int slot = 0; slot < slots; slot++) {
                run.next();
            }
            run.retired.acquireUninterruptibly(slots);
            long wall = System.nanoTime() - run.begin;
            int started = Math.min(run.nextTask.get(), maxTasks);
            return new Outcome(started, concurrency, run.completed.sum(), run.errors.sum(), run.firstError.get(), wall,
                    run.latencies, run.checksum.sum(), sampler.cpuMillis(), sampler.peakThreads(), sampler.peakRssMb(),
                    timeline ? spans(run.starts, run.ends, run.begin, started) : null);
        }
    }

    /**
     * One run's state. Each of the {@code concurrency} slots is a chain: a task's completion starts the
     * slot's next task on the completing thread, so the driver thread is not woken per task and adds
     * almost nothing to the model's CPU time. A slot retires when the tasks or the time are used up.
     */
    private static final class Run {
        /**
         * Per thread, the next tasks this run owes: a task that completes inside {@code start()} has its
         * successor started by the outermost call, not recursively (-1: no call of this run is on the stack).
         */
        private final ThreadLocal<int[]> owed = ThreadLocal.withInitial(() -> new int[] {-1});

        final ExecutionModel model;
        final IntFunction<Workload> workloadOfTask;
        final int maxTasks;
        final long deadlineNanos;
        final boolean timeline;
        final long[] starts;
        final long[] ends;
        final Histogram latencies = new ConcurrentHistogram(3);
        final LongAdder checksum = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder completed = new LongAdder();
        final AtomicReference<String> firstError = new AtomicReference<>();
        final AtomicInteger nextTask = new AtomicInteger();
        final Semaphore retired = new Semaphore(0);
        volatile long begin;
        /** Where a windowed run records latency, so each window's histogram can be taken apart; null otherwise. */
        Recorder recorder;
        private volatile boolean stopped;

        /** No slot starts another task from now on. */
        void stop() {
            stopped = true;
        }

        Run(ExecutionModel model, IntFunction<Workload> workloadOfTask, int maxTasks, long deadlineNanos, boolean timeline) {
            this.model = model;
            this.workloadOfTask = workloadOfTask;
            this.maxTasks = maxTasks;
            this.deadlineNanos = deadlineNanos;
            this.timeline = timeline;
            this.starts = timeline ? new long[maxTasks] : null;
            this.ends = timeline ? new long[maxTasks] : null;
        }

        /** Starts a slot's next task, or defers it to the outermost call on this thread. */
        void next() {
            int[] due = owed.get();
            if (due[0] >= 0) {
                due[0]++;
                return;
            }
            due[0] = 0;
            try {
                startOne();
                while (due[0] > 0) {
                    due[0]--;
                    startOne();
                }
            } finally {
                due[0] = -1;
            }
        }

        private void startOne() {
            if (stopped) {
                retired.release();
                return;
            }
            if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() >= deadlineNanos) {
                retired.release();
                return;
            }
            int task = nextTask.getAndIncrement();
            if (task >= maxTasks) {
                retired.release();
                return;
            }
            long start = System.nanoTime();
            CompletionStage<Long> stage;
            try {
                stage = model.start(workloadOfTask.apply(task));
            } catch (RuntimeException e) {
                stage = CompletableFuture.failedFuture(e);
            }
            stage.whenComplete((result, failure) -> {
                long end = System.nanoTime();
                long micros = Math.max(0, (end - start) / 1000);
                if (recorder != null) {
                    recorder.recordValue(micros);
                } else {
                    latencies.recordValue(micros);
                }
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
                next();
            });
        }
    }

    private static Span[] spans(long[] starts, long[] ends, long begin, int count) {
        Span[] spans = new Span[count];
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
