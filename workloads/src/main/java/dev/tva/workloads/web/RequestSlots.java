package dev.tva.workloads.web;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests in progress on a whole server, each weighing the backend sockets it holds
 * ({@link FileBudget#weight}): one that would go over the limit is refused, and the caller answers 503 at
 * once. The lab's check in front of the handler, the same on every server.
 */
public final class RequestSlots {
    private final int limit;
    private final AtomicInteger inUse = new AtomicInteger();

    public RequestSlots(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        this.limit = limit;
    }

    /** Slots for the backend sockets of {@code budget}'s requests in progress. */
    public static RequestSlots of(FileBudget budget) {
        return new RequestSlots(budget.requestSockets());
    }

    public int limit() {
        return limit;
    }

    /** Takes {@code weight} slots; false (and nothing taken) when fewer are free. */
    public boolean tryAcquire(int weight) {
        for (int n = inUse.get(); n + weight <= limit; n = inUse.get()) {
            if (inUse.compareAndSet(n, n + weight)) {
                return true;
            }
        }
        return false;
    }

    /** Gives back {@code weight} slots taken with {@link #tryAcquire}; returns how many are still in use. */
    public int release(int weight) {
        return inUse.addAndGet(-weight);
    }

    /** Slots in use now. */
    public int inUse() {
        return inUse.get();
    }
}
