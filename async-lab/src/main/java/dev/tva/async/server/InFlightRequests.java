package dev.tva.async.server;

import dev.tva.workloads.web.RequestSlots;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The requests in progress on the whole server, across all its event loops: refuses one that would go
 * beyond the limit (the caller answers 503), and lets {@link NettyServer#close} wait for the rest to finish.
 *
 * <p>An event-loop server accepts work for free, so without a limit a burst piles up timers and backend
 * calls until memory or file descriptors run out; the limit turns that into quick 503s.
 */
final class InFlightRequests {
    private final RequestSlots slots;
    private volatile boolean draining;

    InFlightRequests(RequestSlots slots) {
        this.slots = slots;
    }

    int limit() {
        return slots.limit();
    }

    /** Counts one more request of {@code weight} in progress; false (and nothing counted) when it would go over {@link #limit}. */
    boolean tryAcquire(int weight) {
        return slots.tryAcquire(weight);
    }

    /** One request acquired with {@link #tryAcquire} is done. */
    void release(int weight) {
        if (slots.release(weight) == 0 && draining) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    int inFlight() {
        return slots.inUse();
    }

    /** True once the server is stopping: answers say {@code Connection: close}. */
    boolean isDraining() {
        return draining;
    }

    /**
     * Marks the server as stopping and waits until no request is in progress, for {@code timeout} at most.
     *
     * @return whether every request finished in time
     */
    boolean drain(Duration timeout) throws InterruptedException {
        draining = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (slots.inUse() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
        return true;
    }
}
