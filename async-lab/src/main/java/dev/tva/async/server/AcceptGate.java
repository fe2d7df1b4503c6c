package dev.tva.async.server;

import dev.tva.async.LoopLagProbe;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/*
 * Why a gate. A thread-per-connection server stops taking work when its threads are busy; an event loop takes
 * every connection the kernel offers, however far behind it is. Under twice its capacity, each connection it
 * takes is work it cannot finish in time: the client gives up, closes, and opens another, and the loops spend
 * the next seconds registering, reading and closing connections nobody waits on. That churn costs more than the
 * answers did, so the server stays behind after the load drops: the overload outlasts its cause.
 *
 * So while a loop is late, a new connection is closed as soon as it is accepted: the client learns at once,
 * and the loops catch up on the connections they have. Pausing accepts instead was tried: the listen queue
 * fills, the kernel drops SYNs, and clients sit in TCP's connect back-off (1 s, 3 s, ...) while the server idles.
 *
 * A loop says how late it is with a LoopLagProbe: a timer due every PERIOD notes how late it ran; a loop so
 * busy that its timer has not run counts as late by how overdue that timer is.
 */

/**
 * Closes each new connection at once while any event loop is more than {@link #MAX_LAG} late, and lets them in
 * again once all are on time; see the comment above the class for why. Logs one line at most every
 * {@link #LOG_EVERY} while it turns connections away.
 */
final class AcceptGate implements AutoCloseable {
    /** How often each loop notes its lag, and how often the gate looks at them. */
    static final Duration PERIOD = Duration.ofMillis(10);
    /** A loop later than this cannot answer new work within the lab's SLO (p99 100 ms): no new connections. */
    static final Duration MAX_LAG = Duration.ofMillis(100);
    static final Duration LOG_EVERY = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(AcceptGate.class.getName());

    private final Channel listening;
    private final List<LoopLagProbe> probes = new ArrayList<>();
    private ScheduledFuture<?> check;
    // Touched on the listening channel's loop only, where the checks and the door run.
    private boolean turningAway;
    private long worstLagNanos;
    private long turnedAway;
    private long turnedAwaySinceLog;
    private long loggedAt;
    private boolean logged;

    private AcceptGate(Channel listening) {
        this.listening = listening;
    }

    /** Starts a lag probe on every loop of {@code workers}, and the door and its checks on {@code listening}. */
    static AcceptGate start(Channel listening, Iterable<EventExecutor> workers) {
        AcceptGate gate = new AcceptGate(listening);
        for (EventExecutor loop : workers) {
            gate.probes.add(LoopLagProbe.start((EventLoop) loop, PERIOD));
        }
        listening.pipeline().addFirst(gate.new Door());
        gate.check = listening.eventLoop().scheduleAtFixedRate(gate::check, PERIOD.toNanos(), PERIOD.toNanos(),
                TimeUnit.NANOSECONDS);
        return gate;
    }

    private void check() {
        long now = System.nanoTime();
        long worst = 0;
        for (LoopLagProbe probe : probes) {
            worst = Math.max(worst, probe.lagNanos(now));
        }
        turningAway = worst > MAX_LAG.toNanos();
        worstLagNanos = Math.max(worstLagNanos, worst);
        if (turnedAwaySinceLog > 0 && (!logged || now - loggedAt >= LOG_EVERY.toNanos())) {
            LOG.log(System.Logger.Level.WARNING, "event loops up to {0} ms late: closed {1} new connections at once in the last {2} s",
                    worstLagNanos / 1_000_000, turnedAwaySinceLog, logged ? LOG_EVERY.toSeconds() : 0);
            logged = true;
            loggedAt = now;
            turnedAwaySinceLog = 0;
            worstLagNanos = 0;
        }
    }

    /** New connections closed at once so far. Read it on the listening channel's loop. */
    long turnedAway() {
        return turnedAway;
    }

    @Override
    public void close() {
        if (check != null) {
            check.cancel(false);
        }
        probes.forEach(LoopLagProbe::close);
    }

    /** First on the listening channel: each accepted connection passes, or is closed while a loop is late. */
    private final class Door extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (turningAway && msg instanceof Channel connection) {
                turnedAway++;
                turnedAwaySinceLog++;
                connection.unsafe().closeForcibly(); // not registered yet: its file goes back at once
                return;
            }
            ctx.fireChannelRead(msg);
        }
    }
}
