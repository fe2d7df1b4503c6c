package dev.tva.threads.server;

import dev.tva.workloads.web.ServerLimits;
import io.helidon.common.socket.SocketOptions;

import java.net.Socket;
import java.net.SocketOption;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/*
 * Why hold the accept loop. Helidon accepts a connection as soon as the kernel has one, up to maxTcpConnections,
 * and hands it to a new virtual thread, which waits in the virtual-thread scheduler's queue before it runs; that
 * queue has no other bound. Under twice the capacity it grows, each request in it waits longer than its client
 * does, and the clients give up, close, and come back on a new connection, which Helidon accepts too. 10 s after
 * the load dropped a thread dump found 11,900 virtual threads not yet started, each a connection whose client
 * had left, and 1,496 more whose backend answer had come but whose wake-up waited in the same queue: the overload
 * outlasted its cause. Ending such connections once their thread ran, at the handler or at the connection
 * selector, did not help: a connection ended unread still costs its accept, its thread, its first read and its
 * close.
 *
 * So new connections are not accepted while the queue is long: Helidon's accept loop configures each socket it
 * accepts (SocketOptions.configureSocket, on the loop's own thread), and this waits there, before configuring
 * it, while the scheduler runs new threads more than MAX_LATE late. Meanwhile the kernel keeps new connections
 * in the listen queue, and once that is full it drops their SYNs and the clients retry: a client that leaves
 * costs the server nothing. Connections already accepted are served as before, and idle ones cost the scheduler
 * nothing, so the bound on connections stays where the file budget puts it (15,000 idle connections fit).
 *
 * A bound on connections alone (maxTcpConnections) would do it only by turning those idle connections away, and
 * it is the only control Helidon 4.5 has before a connection's thread; SocketOptions is a public interface, and
 * this one gives Helidon its own default options for everything else.
 *
 * How late the scheduler is: a probe, a virtual thread started every PERIOD, meets the same queue a new
 * connection meets; the lateness is the last probe's wait, or, while one is still waiting, how long it has.
 */

/**
 * Helidon's connection options, with its accept loop held while the virtual-thread scheduler runs new threads more
 * than {@link #MAX_LATE} late; see the comment above the class for why. Logs one line at most every
 * {@link #LOG_EVERY} while it holds.
 */
final class HelidonAcceptGate implements SocketOptions, AutoCloseable {
    /** How often a probe is started (one at a time: a late one is not joined by more). */
    static final Duration PERIOD = Duration.ofMillis(10);
    /** The accept loop waits while new virtual threads run later than this. */
    static final Duration MAX_LATE = ServerLimits.MAX_QUEUE_DELAY;
    static final Duration LOG_EVERY = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(HelidonAcceptGate.class.getName());

    private final SocketOptions options;
    private final long maxLateNanos;
    private final ScheduledExecutorService clock;
    private final AtomicBoolean probing = new AtomicBoolean();
    private final LongAdder held = new LongAdder();
    private final LongAdder heldNanos = new LongAdder();
    /** How long the last probe that ran waited to run. */
    private volatile long lastWaitNanos;
    /** When the probe still waiting, if any, was started. Written before {@link #probing} is set. */
    private volatile long startedAt;
    // Touched on the clock's thread only.
    private long worstLateNanos;
    private long loggedHeld;
    private long loggedHeldNanos;
    /** When the last line was logged, or the gate made: the window the next line speaks of starts there. */
    private long loggedAt = System.nanoTime();
    private boolean loggedOnce;

    /** Helidon's default connection options, held while the scheduler is over {@link #MAX_LATE} late. */
    HelidonAcceptGate() {
        this(SocketOptions.builder().build(), MAX_LATE);
    }

    HelidonAcceptGate(SocketOptions options, Duration maxLate) {
        this.options = options;
        this.maxLateNanos = maxLate.toNanos();
        this.clock = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("helidon-accept-gate").daemon().factory());
        clock.scheduleAtFixedRate(this::tick, PERIOD.toNanos(), PERIOD.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Called by Helidon's accept loop for each connection it accepts: waits while the scheduler is late, then sets the
     * options. Returns at once, options set, when the loop's thread is interrupted (the server is stopping).
     */
    @Override
    public void configureSocket(SocketChannel socket) {
        holdWhileLate();
        options.configureSocket(socket);
    }

    @Override
    public void configureSocket(Socket socket) {
        holdWhileLate();
        options.configureSocket(socket);
    }

    /** Waits, a probe period at a time, while the scheduler runs new threads over the bound late; counts each wait. */
    void holdWhileLate() {
        long start = System.nanoTime();
        long now = start;
        while (lateNanos(now) > maxLateNanos && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(PERIOD.toNanos());
            now = System.nanoTime();
        }
        if (now != start) {
            held.increment();
            heldNanos.add(now - start);
        }
    }

    /** How late the scheduler runs a new thread at {@code now}: the last probe's wait, or the waiting one's so far. */
    long lateNanos(long now) {
        return probing.get() ? Math.max(lastWaitNanos, now - startedAt) : lastWaitNanos;
    }

    /** How many accepted connections waited for the scheduler so far. */
    long held() {
        return held.sum();
    }

    private void tick() {
        long now = System.nanoTime();
        if (probing.get()) {
            worstLateNanos = Math.max(worstLateNanos, now - startedAt);
        } else {
            startedAt = now;
            probing.set(true);
            Thread.ofVirtual().name("helidon-accept-gate-probe").start(this::probe);
        }
        log(now);
    }

    /** Runs on a virtual thread, after waiting in the scheduler's queue. */
    private void probe() {
        long wait = System.nanoTime() - startedAt;
        lastWaitNanos = wait;
        probing.set(false);
    }

    private void log(long now) {
        long times = held.sum();
        if (times == loggedHeld || (loggedOnce && now - loggedAt < LOG_EVERY.toNanos())) {
            return;
        }
        long nanos = heldNanos.sum();
        LOG.log(System.Logger.Level.WARNING, "virtual threads waited up to {0} ms to run: accepting new connections paused {1} times,"
                        + " {2} ms in all, in the last {3} s", worstLateNanos / 1_000_000, times - loggedHeld,
                (nanos - loggedHeldNanos) / 1_000_000, Math.round((now - loggedAt) / 1e9));
        loggedHeld = times;
        loggedHeldNanos = nanos;
        loggedAt = now;
        loggedOnce = true;
        worstLateNanos = 0;
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }

    @Override
    public Map<SocketOption<?>, Object> socketOptions() {
        return options.socketOptions();
    }

    @Override
    public Duration connectTimeout() {
        return options.connectTimeout();
    }

    @Override
    public Duration readTimeout() {
        return options.readTimeout();
    }

    @Override
    public Optional<Integer> socketReceiveBufferSize() {
        return options.socketReceiveBufferSize();
    }

    @Override
    public Optional<Integer> socketSendBufferSize() {
        return options.socketSendBufferSize();
    }

    @Override
    public boolean socketReuseAddress() {
        return options.socketReuseAddress();
    }

    @Override
    public boolean socketKeepAlive() {
        return options.socketKeepAlive();
    }

    @Override
    public boolean tcpNoDelay() {
        return options.tcpNoDelay();
    }

    @Override
    public String toString() {
        return options + " (accepting paused while virtual threads run over " + maxLateNanos / 1_000_000 + " ms late)";
    }
}
