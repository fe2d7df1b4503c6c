package dev.tva.async;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Calls already started, joined without waiting, the first failure cancelling the rest: the fork-join of
 * event-loop code. {@code Forks} in threads-lab is its blocking twin.
 *
 * <p>Nothing is forked here: a non-blocking call is running as soon as it returns its future. Cancelling
 * is cancelling those futures, and the clients close the connection of a cancelled call; nothing else
 * would stop it.
 */
final class Futures {
    private final List<CompletableFuture<Long>> calls = new ArrayList<>();

    /** One more call to wait for. */
    void add(CompletableFuture<Long> call) {
        calls.add(call);
    }

    /** Completes with the sum of every call's result, or fails with the first failure, cancelling the others. */
    CompletableFuture<Long> sum() {
        CompletableFuture<Long> total = new CompletableFuture<>();
        AtomicLong sum = new AtomicLong();
        AtomicInteger left = new AtomicInteger(calls.size());
        for (CompletableFuture<Long> call : calls) {
            call.whenComplete((result, failure) -> {
                if (failure != null) {
                    total.completeExceptionally(failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure);
                } else {
                    sum.addAndGet(result);
                    if (left.decrementAndGet() == 0) {
                        total.complete(sum.get());
                    }
                }
            });
        }
        // Failed, or cancelled by whoever waits for it: the calls still running will not be needed.
        total.whenComplete((result, failure) -> {
            if (failure != null) {
                calls.forEach(call -> call.cancel(true));
            }
        });
        return total;
    }
}
