package dev.tva.threads.server;

import dev.tva.workloads.web.Replies;
import dev.tva.workloads.web.ServerLimits;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/*
 * Why a gate. On helidon and jdk-virtual every request waits in one queue before its thread runs: the
 * virtual-thread scheduler's, which runs the threads it is given in turn on as many carriers as there are
 * cores, and has no bound. Under twice the capacity that queue grows, every request in it waits longer than its
 * client does, and the clients give up, close and send again on a new connection. A blocking handler does not
 * see its client leave (BlockingEndpoints), so the server goes on taking those requests in turn, each with its
 * backend call, long after the load has dropped: a thread dump of helidon 10 s after the drop found 11,900
 * virtual threads not yet started, each a connection whose client had left, and 1,496 more parked on backend
 * answers that had come but whose wake-up waited in the same queue. The overload outlasts its cause.
 * (jdk-platform's fixed pool is its own bound, and the queue in front of it is what that server shows: no gate.)
 *
 * So the gate measures the queue from the inside, as a new request meets it: every PERIOD a probe task is
 * handed to the same executor, and notes how long it waited to run. While no probe has run within MAX_DELAY
 * (the lab's SLO) for SUSTAINED, each request is answered 503 as soon as its thread runs, without its
 * backend call: a few tens of microseconds instead of the whole request, so the queue drains, and the
 * clients learn at once. The gate opens again at the first probe that runs in time.
 *
 * Sustained, not a moment: a queue a burst builds (hundreds of connections opened at once, a JVM still
 * compiling) drains within a second, and turning those requests away would fail clients the server can
 * serve. This is CoDel's rule (act on a queue's delay only once it has stood for an interval), with the
 * SLO as its target. Netty's AcceptGate uses a client leaving with its request unanswered as its second
 * sign; a blocking handler cannot see that.
 */

/**
 * Answers requests 503 at once while the executor that runs them has run nothing within
 * {@link ServerLimits#MAX_QUEUE_DELAY} of its hand-over for {@link #SUSTAINED}; see the comment above the
 * class for why. Logs one line at most every {@link #LOG_EVERY} while it sheds.
 */
final class QueueDelayGate implements AutoCloseable {
    /** How often a probe task is handed to the executor (one at a time: a late one is not joined by more). */
    static final Duration PERIOD = Duration.ofMillis(10);
    /** How long the queue must have been late, without a probe in time, before requests are shed. */
    static final Duration SUSTAINED = Duration.ofSeconds(1);
    static final Duration LOG_EVERY = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(QueueDelayGate.class.getName());

    private final Executor executor;
    private final long maxDelayNanos;
    private final long sustainedNanos;
    private final ScheduledExecutorService timer;
    private final Replies.Reply reply;
    private final AtomicBoolean probing = new AtomicBoolean();
    private final LongAdder shed = new LongAdder();
    /** When a probe last ran within the delay allowed: the queue was on time then. */
    private volatile long onTimeAt = System.nanoTime();
    /** When the probe in the queue, if any, was handed over. Written before {@link #probing} is set. */
    private volatile long handedAt;
    // Touched on the timer's thread only.
    private long worstDelayNanos;
    private long shedLogged;
    private long loggedAt;

    /**
     * Probes the virtual-thread scheduler every {@link #PERIOD} with a virtual thread named {@code name-queue-probe};
     * requests are shed after {@link #SUSTAINED} over {@link ServerLimits#MAX_QUEUE_DELAY}.
     */
    static QueueDelayGate onVirtualThreads(String name) {
        return new QueueDelayGate(task -> Thread.ofVirtual().name(name + "-queue-probe").start(task), ServerLimits.MAX_QUEUE_DELAY,
                SUSTAINED, name);
    }

    /** A gate that never sheds, for a server whose pool is its bound: its queue is what it shows. */
    static QueueDelayGate none() {
        return new QueueDelayGate(null, ServerLimits.MAX_QUEUE_DELAY, SUSTAINED, null);
    }

    /** Probes {@code executor} (none: never sheds) every {@link #PERIOD}; sheds after {@code sustained} over {@code maxDelay}. */
    QueueDelayGate(Executor executor, Duration maxDelay, Duration sustained, String name) {
        this.executor = executor;
        this.maxDelayNanos = maxDelay.toNanos();
        this.sustainedNanos = sustained.toNanos();
        this.reply = Replies.behind(maxDelay, sustained);
        loggedAt = System.nanoTime() - LOG_EVERY.toNanos();
        if (executor == null) {
            this.timer = null;
            return;
        }
        this.timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name(name + "-queue-clock").daemon().factory());
        timer.scheduleAtFixedRate(this::tick, PERIOD.toNanos(), PERIOD.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** True while requests are to be answered 503 at once; counts each one asked about while it is. Any thread. */
    boolean shedding() {
        if (executor == null || System.nanoTime() - onTimeAt <= sustainedNanos) {
            return false;
        }
        shed.increment();
        return true;
    }

    /** The 503 a shed request gets. */
    Replies.Reply reply() {
        return reply;
    }

    /** Requests answered 503 by the gate so far. */
    long shed() {
        return shed.sum();
    }

    private void tick() {
        long now = System.nanoTime();
        if (probing.get()) {
            worstDelayNanos = Math.max(worstDelayNanos, now - handedAt);
        } else {
            handedAt = now;
            probing.set(true);
            try {
                executor.execute(this::probe);
            } catch (RejectedExecutionException stopping) {
                probing.set(false);
            }
        }
        log(now);
    }

    /** Runs on the executor, after waiting in its queue. */
    private void probe() {
        long now = System.nanoTime();
        long waited = now - handedAt;
        if (waited <= maxDelayNanos) {
            onTimeAt = now;
        }
        probing.set(false);
    }

    private void log(long now) {
        long total = shed.sum();
        if (total == shedLogged || now - loggedAt < LOG_EVERY.toNanos()) {
            return;
        }
        LOG.log(System.Logger.Level.WARNING, "requests waited up to {0} ms to run: answered {1} at once with 503 in the last {2} s",
                worstDelayNanos / 1_000_000, total - shedLogged, Math.round((now - loggedAt) / 1e9));
        shedLogged = total;
        loggedAt = now;
        worstDelayNanos = 0;
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
