package dev.tva.solutions.fanout;

import dev.tva.course.fanout.FanOut;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/*
 * SOLUTION fan-out-with-deadline, on virtual threads. Every call is started before any is waited for, a virtual thread
 * each. The completion service hands the calls back in the order they finish, so the first failure is seen as soon as
 * it happens, and each wait is bounded by the time left until the deadline. Whatever ends the loop (the last answer, a
 * failure, the deadline, an interrupt), finally cancels every call still running: cancel(true) interrupts its virtual
 * thread, and the blocking call ends at once, its connection closed. The executor's close() then waits for those
 * threads, which are ending, so none outlives total.
 *
 * On the event loop the same shape is: callAsync for each, a CompletableFuture that fails as soon as any call fails
 * (whenComplete on each) or completes when all are in (allOf), orTimeout(deadline) on it, and on any failure cancel
 * every call's future.
 */

/** The reference fan-out: a virtual thread per call, taken as they finish, bounded by the deadline, the rest cancelled on the way out. */
public class StudentFanOut implements FanOut {

    @Override
    public long total(List<Call> calls, Duration deadline, Services services) throws IOException, InterruptedException, TimeoutException {
        long end = System.nanoTime() + deadline.toNanos();
        try (ExecutorService perCall = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletionService<Long> finished = new ExecutorCompletionService<>(perCall);
            List<Future<Long>> running = new ArrayList<>();
            try {
                for (Call call : calls) {
                    running.add(finished.submit(() -> services.call(call)));
                }
                long total = 0;
                for (int i = 0; i < calls.size(); i++) {
                    Future<Long> next = finished.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        throw new TimeoutException("not every service answered within " + deadline.toMillis() + " ms");
                    }
                    total += answer(next);
                }
                return total;
            } finally {
                running.forEach(call -> call.cancel(true));
            }
        }
    }

    /** A finished call's answer, or its own failure. */
    private static long answer(Future<Long> call) throws IOException {
        try {
            return call.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException failed) {
                throw failed;
            }
            throw new IllegalStateException("a call failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
