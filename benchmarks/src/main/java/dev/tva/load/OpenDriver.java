package dev.tva.load;

import io.netty.channel.EventLoop;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The open model on one event loop. Request {@code i} of the run is due at {@code t0 + i / rate} (per
 * {@link RateStep}, see {@link Pacing}). The loops take the requests from one shared count, each holding the next one
 * it took until it is due: a pacing tick sends it and every request due after it that no other loop took first, then
 * sleeps until the next one is due. One timer per tick, not per request, so tens of thousands per second cost about a
 * thousand wake-ups per loop. While a loop waits for its CPU (a machine that shares its cores with the server, or
 * whose kernel keeps a CPU for its own work), the other loops send what falls due meanwhile: only the one request the
 * waiting loop holds is late, where a fixed share of every loop's would all be.
 *
 * <p>A due request takes an idle connection, or waits in line while a new one opens (up to this loop's
 * share of the connections). Its latency counts from its intended time either way, so time spent
 * waiting (for the loop, or for a connection) is charged to the server, as a user would feel it: this is
 * the correction for coordinated omission that wrk2 made well known.
 */
final class OpenDriver extends Driver {
    /**
     * A due request that found no idle connection. If it ends up late, {@code poolFull} says whom to blame:
     * the server (every connection allowed was busy when it came due) or the generator (its tick came
     * late, or it was still opening a connection for the request).
     */
    private record Waiting(long intendedNanos, boolean poolFull) {
    }

    /**
     * The shortest sleep between two ticks. Netty's NIO loop cannot sleep less than a millisecond: a task due
     * in under half of one makes it poll without sleeping until then. Scheduled for each next request, as it
     * was, a loop with more than 2,000 requests a second to send never slept, and took the CPU the server
     * shares with it. Once a millisecond, the requests due meanwhile leave together, each up to about a
     * millisecond after its intended time, which its latency (counted from that time) includes.
     */
    static final long MIN_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /** Most connection attempts in flight at once on one loop. */
    static final int MAX_CONNECTING = 32;

    private final Pacing pacing;
    /** The tick, made once: a method reference written at each schedule would be a new object per tick. */
    private final Runnable tickTask = this::tick;
    /** The run's next request not yet taken by any loop. */
    private final AtomicLong schedule;
    private final long lateNanos;
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private long next;
    /** Requests due and not yet ended, warm-up included. */
    private int outstanding;
    private boolean scheduleDone;

    /** {@code schedule} is shared by every loop of the run, and starts at 0. */
    OpenDriver(EventLoop loop, LoadSettings settings, Tally tally, int maxConnections, AtomicLong schedule) {
        super(loop, settings, tally, maxConnections);
        List<RateStep> steps = new ArrayList<>(warmupSteps(settings));
        steps.addAll(settings.steps());
        this.pacing = new Pacing(steps);
        this.schedule = schedule;
        this.lateNanos = settings.lateThreshold().toNanos();
    }

    /**
     * The warm-up, stepped up: its first quarter at a quarter of the first rate, its second at half, the rest at
     * the rate. Started cold at the full rate, the generator (and the server) fell behind in the first second,
     * and the backlog opened every connection allowed before the JIT had caught up.
     */
    static List<RateStep> warmupSteps(LoadSettings settings) {
        Duration warmup = settings.warmup();
        double rate = settings.ratePerSec();
        Duration quarter = warmup.dividedBy(4);
        if (quarter.compareTo(Duration.ofMillis(1)) < 0) {
            return warmup.isPositive() ? List.of(new RateStep(rate, warmup)) : List.of();
        }
        return List.of(new RateStep(rate / 4, quarter), new RateStep(rate / 2, quarter),
                new RateStep(rate, warmup.minus(quarter.multipliedBy(2))));
    }

    @Override
    void begin() {
        next = schedule.getAndIncrement();
        tick();
    }

    /** Sends the request it holds and every one due by now that no other loop took, then schedules itself for the next. */
    private void tick() {
        long now = System.nanoTime();
        long due = intended(next);
        while (due <= now && due < endNanos) {
            dispatch(due, now);
            next = schedule.getAndIncrement();
            due = intended(next);
        }
        if (due >= endNanos) {
            scheduleDone = true;
            checkDone();
        } else {
            loop.schedule(tickTask, Math.max(due - now, MIN_TICK_NANOS), TimeUnit.NANOSECONDS);
        }
    }

    private long intended(long index) {
        return startNanos + pacing.offsetNanos(index);
    }

    private void dispatch(long due, long now) {
        outstanding++;
        Books books = books(due);
        books.tally.scheduled.increment();
        books.outstanding++;
        Connection connection = pollIdle();
        if (connection != null) {
            sendLate(connection, due, books, false, now);
        } else {
            boolean poolFull = now - due <= lateNanos && live.size() + connecting >= maxConnections;
            waiting.add(new Waiting(due, poolFull));
            openIfNeeded();
        }
    }

    /**
     * Sends, counting the request as late when it leaves more than the threshold after its time: 1 or 0 from the sign
     * of the difference, added every time, so that a run whose warm-up sent nothing late does not meet untried code at
     * its first late send.
     */
    private void sendLate(Connection connection, long due, Books books, boolean poolFull, long now) {
        long late = (lateNanos - (now - due)) >>> 63;
        (poolFull ? books.tally.lateNoConnection : books.tally.lateGenerator).add(late);
        send(connection, due, books);
    }

    private Connection pollIdle() {
        while (!idle.isEmpty()) {
            Connection c = idle.pop();
            if (c.state == Connection.State.IDLE) {
                return c;
            }
        }
        return null;
    }

    /**
     * Opens a connection when more requests wait than connections are being opened, within the limit. At
     * most {@link #MAX_CONNECTING} attempts at once: after a hiccup, answers on the open connections
     * usually clear the line before a storm of new sockets would.
     */
    private void openIfNeeded() {
        if (waiting.size() > connecting && connecting < MAX_CONNECTING && live.size() + connecting < maxConnections) {
            open();
        }
    }

    /** Gives a free connection the oldest waiting request, or parks it (most recently used first). */
    private void serve(Connection connection) {
        Waiting w = waiting.poll();
        if (w == null) {
            idle.push(connection);
        } else {
            sendLate(connection, w.intendedNanos(), books(w.intendedNanos()), w.poolFull(), System.nanoTime());
        }
    }

    @Override
    void connected(Connection connection) {
        serve(connection);
    }

    /** The oldest waiting request fails with the connection it was waiting for. */
    @Override
    void connectFailed(Throwable cause) {
        Waiting w = waiting.poll();
        if (w == null) {
            tally.noteFirstError(cause);
        } else {
            Books books = books(w.intendedNanos());
            books.outstanding--;
            books.tally.connectionError(cause);
            outstanding--;
        }
        openIfNeeded();
        checkDone();
    }

    @Override
    void closed(Connection connection, Throwable lost) {
        live.remove(connection);
        if (lost != null) {
            connection.books.outstanding--;
            connection.books.tally.connectionError(lost);
            outstanding--;
        }
        openIfNeeded();
        checkDone();
    }

    @Override
    void answered(Connection connection, int status, long nowNanos) {
        record(connection, status, nowNanos);
        outstanding--;
        if (connection.state == Connection.State.IDLE) {
            serve(connection);
        } else {
            live.remove(connection);
            openIfNeeded();
        }
        checkDone();
    }

    @Override
    void timedOut(Connection connection) {
        outstanding--;
        openIfNeeded();
    }

    /** Also times out requests that waited for a connection past their deadline: never sent, and late. */
    @Override
    void sweep(long nowNanos) {
        sweepInFlight(nowNanos);
        while (!waiting.isEmpty() && waiting.peek().intendedNanos() + timeoutNanos <= nowNanos) {
            Waiting w = waiting.poll();
            Books books = books(w.intendedNanos());
            books.outstanding--;
            books.tally.timeouts.increment();
            (w.poolFull() ? books.tally.lateNoConnection : books.tally.lateGenerator).increment();
            outstanding--;
        }
        checkDone();
    }

    private void checkDone() {
        if (scheduleDone && outstanding == 0) {
            done.complete(null);
        }
    }
}
