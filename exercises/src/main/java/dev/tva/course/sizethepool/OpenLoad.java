package dev.tva.course.sizethepool;

import dev.tva.workloads.ExecutionModel;
import dev.tva.workloads.LatencySummary;
import dev.tva.workloads.Workload;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/*
 * The open model: tasks arrive at a fixed rate, each at its intended time, whether or not the earlier ones are done,
 * as requests arrive at a server. A pool too small for the rate cannot slow the arrivals down; its queue grows, and
 * each task's latency, counted from when it was meant to start (not from when a thread took it), shows the wait.
 * At the end of the run, a task not yet answered counts with its age then: a queue that never drains is not hidden.
 */

/** Runs tasks on a model at a fixed arrival rate and measures what was answered, and each task's latency from its intended start. */
final class OpenLoad {
    private OpenLoad() {
    }

    /**
     * What a run saw.
     *
     * @param asked          tasks that arrived in the measured window
     * @param answered       of them, answered by its end plus the grace
     * @param failed         of them, failed
     * @param answeredPerSec answered tasks per second of the window
     * @param latencyMicros  every asked task's latency from its intended start (an unanswered one: its age at the end)
     */
    record Outcome(int asked, int answered, int failed, double answeredPerSec, LatencySummary latencyMicros) {
    }

    /**
     * Sends {@code task} to {@code model} at {@code ratePerSec} for {@code warmup} (not measured), then for {@code measured},
     * and waits for the measured tasks at most {@code grace} after the window.
     */
    static Outcome run(ExecutionModel model, Workload task, double ratePerSec, Duration warmup, Duration measured, Duration grace) {
        long periodNanos = Math.round(TimeUnit.SECONDS.toNanos(1) / ratePerSec);
        long warmupStart = System.nanoTime();
        int warmupTasks = (int) (warmup.toNanos() / periodNanos);
        for (int i = 0; i < warmupTasks; i++) {
            sleepUntil(warmupStart + i * periodNanos);
            model.start(task);
        }

        int asked = (int) (measured.toNanos() / periodNanos);
        long start = warmupStart + warmupTasks * periodNanos;
        AtomicLongArray doneAfter = new AtomicLongArray(asked);  // nanos after start + 1, or 0 while not answered
        AtomicIntegerArray failed = new AtomicIntegerArray(asked);
        for (int i = 0; i < asked; i++) {
            int index = i;
            sleepUntil(start + i * periodNanos);
            model.start(task).whenComplete((result, failure) -> {
                if (failure == null) {
                    doneAfter.set(index, System.nanoTime() - start + 1);
                } else {
                    failed.set(index, 1);
                }
            });
        }
        long endAfter = measured.toNanos() + grace.toNanos();
        while (System.nanoTime() - start < endAfter && !allDone(doneAfter, failed)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        return outcome(doneAfter, failed, periodNanos, Math.min(System.nanoTime() - start, endAfter), measured);
    }

    private static Outcome outcome(AtomicLongArray doneAfter, AtomicIntegerArray failed, long periodNanos, long endAfter, Duration measured) {
        Histogram micros = new Histogram(3);
        int answered = 0;
        int failures = 0;
        for (int i = 0; i < doneAfter.length(); i++) {
            long intended = i * periodNanos;
            long done = doneAfter.get(i) - 1;
            boolean inTime = done >= 0 && done <= endAfter;
            answered += inTime ? 1 : 0;
            failures += failed.get(i);
            micros.recordValue(Math.max(0, ((inTime ? done : endAfter) - intended) / 1_000));
        }
        double seconds = measured.toNanos() / 1e9;
        return new Outcome(doneAfter.length(), answered, failures, answered / seconds, LatencySummary.of(micros));
    }

    private static boolean allDone(AtomicLongArray doneAfter, AtomicIntegerArray failed) {
        for (int i = 0; i < doneAfter.length(); i++) {
            if (doneAfter.get(i) == 0 && failed.get(i) == 0) {
                return false;
            }
        }
        return true;
    }

    private static void sleepUntil(long nanoTime) {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
