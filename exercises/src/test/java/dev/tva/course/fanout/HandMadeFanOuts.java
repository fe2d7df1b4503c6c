package dev.tva.course.fanout;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Fan-outs written by hand for the checks' own tests: one right on the event loop, and the usual ways to get it wrong. */
final class HandMadeFanOuts {
    private HandMadeFanOuts() {
    }

    /** Right, with futures: callAsync for each, the first failure or the deadline ends the wait, and every call is cancelled. */
    static final class OnTheLoop implements FanOut {
        @Override
        public long total(List<Call> calls, Duration deadline, Services services) throws IOException, TimeoutException {
            List<CompletableFuture<Long>> running = calls.stream().map(services::callAsync).toList();
            CompletableFuture<Void> all = CompletableFuture.allOf(running.toArray(CompletableFuture[]::new));
            CompletableFuture<Void> firstFailure = new CompletableFuture<>();
            running.forEach(call -> call.whenComplete((bytes, failure) -> {
                if (failure != null) {
                    firstFailure.completeExceptionally(failure);
                }
            }));
            try {
                CompletableFuture.anyOf(all, firstFailure).orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS).join();
                return running.stream().mapToLong(CompletableFuture::join).sum();
            } catch (CompletionException e) {
                switch (e.getCause()) {
                    case TimeoutException timeout -> throw timeout;
                    case IOException failed -> throw failed;
                    default -> throw e;
                }
            } finally {
                running.forEach(call -> call.cancel(false));
            }
        }
    }

    /** Gives up at the deadline and at the first failure, on virtual threads, but cancels nothing: the calls run on. */
    static final class GivesUpWithoutCancelling implements FanOut {
        @Override
        public long total(List<Call> calls, Duration deadline, Services services) throws IOException, InterruptedException, TimeoutException {
            ExecutorService perCall = Executors.newVirtualThreadPerTaskExecutor();  // never closed: closing would wait for the calls
            CompletionService<Long> finished = new ExecutorCompletionService<>(perCall);
            calls.forEach(call -> finished.submit(() -> services.call(call)));
            long end = System.nanoTime() + deadline.toNanos();
            long total = 0;
            for (int i = 0; i < calls.size(); i++) {
                Future<Long> next = finished.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new TimeoutException("deadline");
                }
                total += get(next);
            }
            return total;
        }
    }

    /** Right on a fixed pool of platform threads, except that the pool is never shut down: its threads outlive total. */
    static final class LeavesItsPoolRunning implements FanOut {
        @Override
        public long total(List<Call> calls, Duration deadline, Services services) throws IOException, InterruptedException, TimeoutException {
            ExecutorService pool = Executors.newFixedThreadPool(calls.size());
            List<Future<Long>> running = new ArrayList<>();
            CompletionService<Long> finished = new ExecutorCompletionService<>(pool);
            calls.forEach(call -> running.add(finished.submit(() -> services.call(call))));
            long end = System.nanoTime() + deadline.toNanos();
            try {
                long total = 0;
                for (int i = 0; i < calls.size(); i++) {
                    Future<Long> next = finished.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (next == null) {
                        throw new TimeoutException("deadline");
                    }
                    total += get(next);
                }
                return total;
            } finally {
                running.forEach(call -> call.cancel(true));
            }
        }
    }

    /** All at once with futures and a timeout on the whole, the common first try: allOf waits for the slow calls before any failure shows. */
    static final class AllOfWithTimeout implements FanOut {
        @Override
        public long total(List<Call> calls, Duration deadline, Services services) throws IOException, TimeoutException {
            List<CompletableFuture<Long>> running = calls.stream().map(services::callAsync).toList();
            try {
                CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS).join();
            } catch (CompletionException | CancellationException e) {
                if (e.getCause() instanceof TimeoutException timeout) {
                    throw timeout;
                }
                throw new IOException("a call failed", e.getCause());
            }
            return running.stream().mapToLong(CompletableFuture::join).sum();
        }
    }

    private static long get(Future<Long> call) throws IOException, InterruptedException {
        try {
            return call.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }
}
