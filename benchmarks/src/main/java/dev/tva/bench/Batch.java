package dev.tva.bench;

import dev.tva.workloads.ExecutionModel;
import dev.tva.workloads.Workload;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * One benchmark operation made of many asynchronous tasks: starts {@code tasks} tasks on a model with at
 * most {@code inFlight} in flight, and returns when the last one has completed (a latch), so the time
 * JMH measures covers every completion, not just the calls that started them.
 */
final class Batch {
    private static final long TIMEOUT_SECONDS = 120;

    /** What a batch did: tasks completed and the sum of their results (bytes read, CPU checksums). */
    record Done(long tasks, long total) {
    }

    private Batch() {
    }

    /** Runs task {@code i} as {@code workload.forTask(i)}; fails if any task failed or the batch hangs. */
    static Done run(ExecutionModel model, Workload workload, int tasks, int inFlight) throws InterruptedException {
        Semaphore slots = new Semaphore(inFlight);
        CountDownLatch done = new CountDownLatch(tasks);
        LongAdder completed = new LongAdder();
        LongAdder total = new LongAdder();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int i = 0; i < tasks; i++) {
            slots.acquire();
            model.start(workload.forTask(i)).whenComplete((result, error) -> {
                if (error == null) {
                    completed.increment();
                    total.add(result);
                } else {
                    failure.compareAndSet(null, error);
                }
                slots.release();
                done.countDown();
            });
        }
        if (!done.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException(done.getCount() + " of " + tasks + " tasks still running after "
                    + TIMEOUT_SECONDS + " s on " + model.describe());
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a task failed on " + model.describe() + ": " + failure.get(), failure.get());
        }
        return new Done(completed.sum(), total.sum());
    }
}
