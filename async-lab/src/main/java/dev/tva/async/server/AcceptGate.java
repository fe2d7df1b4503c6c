package dev.tva.async.server;

import dev.tva.async.LoopLagProbe;
import dev.tva.workloads.web.ServerLimits;
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
 * So while a loop is late and clients are giving up, a new connection is closed as soon as it is accepted: the
 * client learns at once, and the loops catch up on the connections they have. Pausing accepts instead was tried:
 * the listen queue fills, the kernel drops SYNs, and clients sit in TCP's connect back-off (1 s, 3 s, ...) while
 * the server idles.
 *
 * Both signs, not one: a loop can be late for a moment without any overload (a burst of hundreds of connections
 * opened at once, on a JVM still compiling), and turning those away would fail clients a server can serve. A
 * client that closes its connection while its request is still unanswered is the sign that the lateness costs.
 *
 * A loop says how late it is with a LoopLagProbe: a timer due every PERIOD notes how late it ran; a loop so
 * busy that its timer has not run counts as late by how overdue that timer is.
 */

/**
 * Closes each new connection at once while any event loop is more than {@link #MAX_LAG} late and a client left
 * with its request unanswered within the last {@link #GIVING_UP}; lets them in again once all loops are on time.
 * See the comment above the class for why. Logs one line at most every {@link #LOG_EVERY} while it turns
 * connections away.
 */
final class AcceptGate implements AutoCloseable {
    /** How often each loop notes its lag, and how often the gate looks at them. */
    static final Duration PERIOD = Duration.ofMillis(10);
    /** A loop later than this cannot answer new work within the lab's SLO (p99 100 ms): no new connections. */
    static final Duration MAX_LAG = ServerLimits.MAX_QUEUE_DELAY;
    /** How recent a client's departure with its request unanswered must be for the gate to close. */
    static final Duration GIVING_UP = Duration.ofSeconds(1);
    static final Duration LOG_EVERY = Duration.ofSeconds(10);
    private static final System.Logger LOG = System.getLogger(AcceptGate.class.getName());

    private final List<LoopLagProbe> probes = new ArrayList<>();
    private volatile long leftAt;
    private volatile boolean anyLeft;
    private ScheduledFuture<?> check;
    // Touched on the listening channel's loop only, where the checks and the door run.
    private boolean turningAway;
    private long worstLagNanos;
    private long turnedAway;
    private final LogEvery turnedAwayLog = new LogEvery(LOG_EVERY);

    /** Starts a lag probe on every loop of {@code workers}; the gate watches for departures until {@link #open}. */
    AcceptGate(Iterable<EventExecutor> workers) {
        for (EventExecutor loop : workers) {
            probes.add(LoopLagProbe.start((EventLoop) loop, PERIOD));
        }
    }

    /** A client closed its connection while its request was still unanswered. Any thread. */
    void clientLeft() {
        leftAt = System.nanoTime();
        anyLeft = true;
    }

    /** Puts the door first on {@code listening} and starts checking, on its loop. */
    void open(Channel listening) {
        listening.pipeline().addFirst(new Door());
        check = listening.eventLoop().scheduleAtFixedRate(this::check, PERIOD.toNanos(), PERIOD.toNanos(),
                TimeUnit.NANOSECONDS);
    }

    private void check() {
        long now = System.nanoTime();
        long worst = 0;
        for (LoopLagProbe probe : probes) {
            worst = Math.max(worst, probe.lagNanos(now));
        }
        boolean givingUp = anyLeft && now - leftAt <= GIVING_UP.toNanos();
        turningAway = worst > MAX_LAG.toNanos() && (givingUp || turningAway);
        worstLagNanos = Math.max(worstLagNanos, worst);
        LogEvery.Due due = turnedAwayLog.due(now);
        if (due != null) {
            LOG.log(System.Logger.Level.WARNING, "event loops up to {0} ms late: closed {1} new connections at once in the last {2} s",
                    worstLagNanos / 1_000_000, due.events(), due.seconds());
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
                turnedAwayLog.count();
                connection.unsafe().closeForcibly(); // not registered yet: its file goes back at once
                return;
            }
            ctx.fireChannelRead(msg);
        }
    }
}
