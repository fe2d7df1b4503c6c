package dev.tva.threads.server;

import dev.tva.workloads.web.ServerLimits;
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
 * Answering 503 in the handler was tried: the queue stayed seconds long, because most of a connection's cost
 * in Helidon is before the handler (setting the connection up, parsing the request, ending it). So the door is
 * at the first moment the lab has a say: when Helidon asks its connection selectors to take a new connection,
 * on that connection's thread, once its first bytes have come. While the scheduler is behind, the connection
 * is ended there, unread; Helidon closes it. Connections already open are served as before.
 *
 * Behind means: no probe has run within MAX_QUEUE_DELAY (the lab's SLO) of being handed to the scheduler, for
 * SUSTAINED. A probe, a virtual thread started every PERIOD, meets the same queue a new connection meets. A
 * queue that a burst builds (hundreds of connections opened at once on a JVM still compiling) drains within a
 * second, and turning those connections away would fail clients the server can serve: this is CoDel's rule,
 * act on a queue's delay only once it has stood for an interval, with the SLO as its target. netty's AcceptGate
 * uses a client leaving with its request unanswered as its second sign; a blocking handler cannot see that.
 */

/**
 * Ends each new Helidon connection unread while the virtual-thread scheduler has run no probe within
 * {@link ServerLimits#MAX_QUEUE_DELAY} for {@link #SUSTAINED}; see the comment above the class for why. Logs one
 * line at most every {@link #LOG_EVERY} while it does.
 */
final class HelidonDoor implements AutoCloseable {
    /** How often a probe is started (one at a time: a late one is not joined by more). */
    static final Duration PERIOD = Duration.ofMillis(10);
    /** How long the scheduler must have been behind, with no probe in time, before new connections are ended. */
    static final Duration SUSTAINED = Duration.ofSeconds(1);
    static final Duration LOG_EVERY = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(HelidonDoor.class.getName());

    private final long maxDelayNanos;
    private final long sustainedNanos;
    private final ScheduledExecutorService clock;
    private final AtomicBoolean probing = new AtomicBoolean();
    private final LongAdder turnedAway = new LongAdder();
    /** When a probe last ran within the delay allowed: the scheduler was on time then. */
    private volatile long onTimeAt = System.nanoTime();
    /** When the probe still waiting, if any, was started. Written before {@link #probing} is set. */
    private volatile long startedAt;
    // Touched on the clock's thread only.
    private long worstDelayNanos;
    private long logged;
    private long loggedAt = System.nanoTime() - LOG_EVERY.toNanos();

    /** Probes the scheduler every {@link #PERIOD}; ends new connections after {@link #SUSTAINED} over the SLO. */
    HelidonDoor() {
        this(ServerLimits.MAX_QUEUE_DELAY, SUSTAINED);
    }

    HelidonDoor(Duration maxDelay, Duration sustained) {
        this.maxDelayNanos = maxDelay.toNanos();
        this.sustainedNanos = sustained.toNanos();
        this.clock = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("helidon-door").daemon().factory());
        clock.scheduleAtFixedRate(this::tick, PERIOD.toNanos(), PERIOD.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** True while new connections are to be ended unread; counts each one asked about while it is. Any thread. */
    boolean turningAway() {
        if (System.nanoTime() - onTimeAt <= sustainedNanos) {
            return false;
        }
        turnedAway.increment();
        return true;
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
        long now = System.nanoTime();
        if (now - startedAt <= maxDelayNanos) {
            onTimeAt = now;
        }
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
