package dev.tva.async.server;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests in progress on the whole server, across all its event loops: refuses one beyond the
 * limit (the caller answers 503), and lets {@link NettyServer#close} wait for the rest to finish.
 *
 * <p>An event-loop server accepts work for free, so without a limit a burst piles up timers and backend
 * calls until memory runs out; the limit turns that into quick 503s.
 */
final class InFlightRequests {
    private final int limit;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;

    InFlightRequests(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        this.limit = limit;
    }

    int limit() {
        return limit;
    }

    /** Counts one more request in progress; false (and nothing counted) when {@link #limit} are already. */
    boolean tryAcquire() {
        for (int n = inFlight.get(); n < limit; n = inFlight.get()) {
            if (inFlight.compareAndSet(n, n + 1)) {
                return true;
            }
        }
        return false;
    }

    /** One request acquired with {@link #tryAcquire} is done. */
    void release() {
        if (inFlight.decrementAndGet() == 0 && draining) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    int inFlight() {
        return inFlight.get();
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
            while (inFlight.get() > 0) {
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
