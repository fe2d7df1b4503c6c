package dev.tva.threads.server;

import io.helidon.common.concurrency.limits.Limit;
import io.helidon.webserver.spi.ServerConnection;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/*
 * Why a door. Helidon runs each connection on a virtual thread, and every new one waits in the virtual-thread
 * scheduler's queue before it runs; that queue has no bound. Under twice the capacity it grows, each request in
 * it waits longer than its client does, and the clients give up, close, and come back on a new connection. A
 * blocking handler does not see its client leave (BlockingEndpoints), so Helidon serves each of those in turn,
 * fully, long after the load has dropped: 10 s after the drop a thread dump found 11,900 virtual threads not
 * yet started, each a connection whose client had left, and 1,496 more parked on backend answers that had come
 * but whose wake-up waited in the same queue. The overload outlasts its cause.
 *
 * So a connection that has waited too long is not served: when Helidon asks its connection selectors to take a
 * new connection (on that connection's thread, once its first bytes have come), the door ends it unread if the
 * scheduler is running new threads more than MAX_WAIT late; Helidon closes it. Connections already open are
 * served as before. A request that waited a second before its thread ran is ten times past the lab's SLO, and
 * most likely its client has gone; ending it costs its accept, its thread and its close, and no parsing, no
 * backend call and no answer.
 *
 * Not the SLO itself as the bound: that was tried (new connections ended while no probe had run within 100 ms
 * for 1 s), and it turned away clients that were still waiting, who came back on new connections, so the
 * scheduler stayed behind on the door's own work after the backlog was gone. A wait of a second is work nobody
 * is likely to want; a wait of 100 ms is work a client still wants, late.
 *
 * How late the scheduler is: a probe, a virtual thread started every PERIOD, meets the same queue a new
 * connection meets; the lateness is the last probe's wait, or, while one is still waiting, how long it has.
 */

/**
 * Ends each new Helidon connection unread while the virtual-thread scheduler runs new threads more than
 * {@link #MAX_WAIT} late; see the comment above the class for why. Logs one line at most every {@link #LOG_EVERY}
 * while it does.
 */
final class HelidonDoor implements AutoCloseable {
    /** How often a probe is started (one at a time: a late one is not joined by more). */
    static final Duration PERIOD = Duration.ofMillis(10);
    /** A new connection whose thread ran later than this is ended unread. */
    static final Duration MAX_WAIT = Duration.ofSeconds(1);
    static final Duration LOG_EVERY = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(HelidonDoor.class.getName());

    private final long maxWaitNanos;
    private final ScheduledExecutorService clock;
    private final AtomicBoolean probing = new AtomicBoolean();
    private final LongAdder turnedAway = new LongAdder();
    /** How long the last probe that ran waited to run. */
    private volatile long lastWaitNanos;
    /** When the probe still waiting, if any, was started. Written before {@link #probing} is set. */
    private volatile long startedAt;
    // Touched on the clock's thread only.
    private long worstDelayNanos;
    private long logged;
    private long loggedAt = System.nanoTime() - LOG_EVERY.toNanos();

    /** Probes the scheduler every {@link #PERIOD}; ends new connections while it runs them over {@link #MAX_WAIT} late. */
    HelidonDoor() {
        this(MAX_WAIT);
    }

    HelidonDoor(Duration maxWait) {
        this.maxWaitNanos = maxWait.toNanos();
        this.clock = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("helidon-door").daemon().factory());
        clock.scheduleAtFixedRate(this::tick, PERIOD.toNanos(), PERIOD.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** True while new connections are to be ended unread; counts each one asked about while it is. Any thread. */
    boolean turningAway() {
        if (lateNanos(System.nanoTime()) <= maxWaitNanos) {
            return false;
        }
        turnedAway.increment();
        return true;
    }

    /** How late the scheduler runs a new thread at {@code now}: the last probe's wait, or the waiting one's so far. */
    long lateNanos(long now) {
        return probing.get() ? Math.max(lastWaitNanos, now - startedAt) : lastWaitNanos;
    }

    /** New connections ended unread so far. */
    long turnedAway() {
        return turnedAway.sum();
    }

    /** A connection that ends as soon as Helidon hands it over: Helidon then closes its socket. */
    static ServerConnection closed() {
        return Closed.INSTANCE;
    }

    private void tick() {
        long now = System.nanoTime();
        if (probing.get()) {
            worstDelayNanos = Math.max(worstDelayNanos, now - startedAt);
        } else {
            startedAt = now;
            probing.set(true);
            Thread.ofVirtual().name("helidon-door-probe").start(this::probe);
        }
        log(now);
    }

    /** Runs on a virtual thread, after waiting in the scheduler's queue. */
    private void probe() {
        lastWaitNanos = System.nanoTime() - startedAt;
        probing.set(false);
    }

    private void log(long now) {
        long total = turnedAway.sum();
        if (total == logged || now - loggedAt < LOG_EVERY.toNanos()) {
            return;
        }
        LOG.log(System.Logger.Level.WARNING, "virtual threads waited up to {0} ms to run: ended {1} new connections unread in the last {2} s",
                worstDelayNanos / 1_000_000, total - logged, Math.round((now - loggedAt) / 1e9));
        logged = total;
        loggedAt = now;
        worstDelayNanos = 0;
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }

    /** Ends at once, unread. */
    private enum Closed implements ServerConnection {
        INSTANCE;

        @Override
        public void handle(Limit limit) {
            // Nothing: returning ends the connection, and Helidon closes it.
        }

        @Override
        public Duration idleTime() {
            return Duration.ZERO;
        }

        @Override
        public void close(boolean interrupt) {
            // Nothing is running on it.
        }
    }
}
