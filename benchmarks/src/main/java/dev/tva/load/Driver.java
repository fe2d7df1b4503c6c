package dev.tva.load;

import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One event loop's share of a load run: its connections, its latency histogram, and the timeout sweep.
 * {@link OpenDriver} and {@link ClosedDriver} decide when requests go out. Apart from the constructor,
 * {@link #prime} and {@link #start}, which only hand work to the loop, everything runs on the loop, so the
 * state here needs no locks; only {@link Tally} is shared.
 */
abstract sealed class Driver permits OpenDriver, ClosedDriver {
    /** How often in-flight requests are checked against their deadline: a timeout is seen this much late at most. */
    static final long SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    final EventLoop loop;
    final LoadSettings settings;
    final Tally tally;
    /** Most connections this loop may hold open (its share of the run's). */
    final int maxConnections;
    final long timeoutNanos;
    /** When the first request is due (the warm-up's, if any). */
    long startNanos;
    /** Requests whose latency starts before this are the warm-up's: they run but are not counted. */
    long measureFromNanos;
    /** No request is due, or sent, at or after this. */
    long endNanos;
    final CompletableFuture<Void> done = new CompletableFuture<>();
    /** The measured part's books: its counts (shared with the other loops), this loop's latencies, what is still open. */
    final Books measured;
    /** {@link #measured} at 0, and at 1 the warm-up's, kept the same way and thrown away: see {@link #books(long)}. */
    private final Books[] phases;
    /** Open connections (idle or busy), for the sweep. */
    final Set<Connection> live = new LinkedHashSet<>();
    int connecting;

    /** No request in flight times out before this (a lower bound: answered requests leave it early). */
    private long earliestDeadlineNanos = Long.MAX_VALUE;
    private final Connector connector;

    /**
     * What one phase of the run counts on this loop. The warm-up keeps books exactly as the measured part does, into a
     * tally nobody reads: the code that counts a request then runs from the first second, so the JIT compiles it before
     * the measured part begins. Counting only measured requests, behind {@code if (measured)}, left that code unrun
     * for the whole warm-up; the compiled loops then met it in the first measured second, fell back to the interpreter
     * (HotSpot's "unstable_if" deoptimization) while it was compiled again, and sent thousands of requests late there.
     */
    static final class Books {
        final Tally tally;
        final Histogram latencyMicros = new Histogram(HIGHEST_MICROS, 3);
        /** Requests of this phase not yet answered, failed or timed out. */
        int outstanding;
        /** When the last request of this phase ended, for the achieved rate. */
        long lastEndNanos;

        Books(Tally tally) {
            this.tally = tally;
        }
    }

    Driver(EventLoop loop, LoadSettings settings, Tally tally, int maxConnections) {
        this.loop = loop;
        this.settings = settings;
        this.tally = tally;
        this.maxConnections = maxConnections;
        this.timeoutNanos = settings.timeout().toNanos();
        this.connector = new Connector(loop, settings, this);
        this.measured = new Books(tally);
        this.phases = new Books[] {measured, new Books(new Tally())};
    }

    /**
     * The books of a request whose latency starts at {@code originNanos}: the warm-up's before {@link #measureFromNanos},
     * else the measured part's. Chosen by the sign of the difference, without a branch the warm-up never takes.
     */
    final Books books(long originNanos) {
        return phases[(int) ((originNanos - measureFromNanos) >>> 63)];
    }

    /** Opens {@code count} connections before the clock starts; the future completes when all have been tried. */
    CompletableFuture<Void> prime(int count) {
        CompletableFuture<Void> tried = new CompletableFuture<>();
        loop.execute(() -> {
            int[] left = {count};
            for (int i = 0; i < count; i++) {
                open().addListener(f -> {
                    if (--left[0] == 0) {
                        tried.complete(null);
                    }
                });
            }
        });
        return tried;
    }

    /** Starts the clock at {@code startNanos} (warm-up first, then the measured duration); called once, off the loop. */
    final void start(long startNanos) {
        loop.execute(() -> {
            this.startNanos = startNanos;
            measureFromNanos = startNanos + settings.warmup().toNanos();
            endNanos = measureFromNanos + settings.duration().toNanos();
            begin();
            startSweeping();
        });
    }

    /** Ends the run early: no request is due at or after {@code endNanos}; called off the loop, after {@link #start}. */
    final void endAt(long endNanos) {
        loop.execute(() -> this.endNanos = Math.min(this.endNanos, endNanos));
    }

    /** Starts sending, on the loop, once the clock is set. */
    abstract void begin();

    /** A new connection is ready for a request. */
    abstract void connected(Connection connection);

    /** A connection attempt failed. */
    abstract void connectFailed(Throwable cause);

    /** A connection went away; {@code lost} is why, when it took a request in flight with it (else null). */
    abstract void closed(Connection connection, Throwable lost);

    /** The request on {@code connection} was answered with {@code status} at {@code nowNanos}. */
    abstract void answered(Connection connection, int status, long nowNanos);

    /** Checks in-flight (and, open model, waiting) requests against their deadlines. */
    abstract void sweep(long nowNanos);

    /** Frees what this loop's run held (the encoded request); called once the loop has stopped. */
    void release() {
        connector.release();
    }

    /** Starts one connection; it reports to {@link #connected} or {@link #connectFailed}. */
    ChannelFuture open() {
        connecting++;
        ChannelFuture future = connector.connect();
        future.addListener((ChannelFuture f) -> {
            connecting--;
            if (f.isSuccess()) {
                Connection connection = f.channel().pipeline().get(Connection.class);
                connection.state = Connection.State.IDLE;
                live.add(connection);
                tally.connectionsOpened.increment();
                connected(connection);
            } else {
                connectFailed(f.cause());
            }
        });
        return future;
    }

    /** Writes a GET on {@code connection}, counted in {@code books}; latency starts at {@code originNanos}. */
    void send(Connection connection, long originNanos, Books books) {
        books.tally.sent.increment();
        long deadline = originNanos + timeoutNanos;
        earliestDeadlineNanos = Math.min(earliestDeadlineNanos, deadline);
        connection.send(connector.request(), originNanos, deadline, books);
    }

    /** Counts the answer to the request on {@code connection} in its books; only 2xx answers have a latency. */
    void record(Connection connection, int status, long nowNanos) {
        tally.answers.increment();
        Books books = connection.books;
        books.outstanding--;
        books.lastEndNanos = Math.max(books.lastEndNanos, nowNanos);
        if (status / 100 == 2) {
            long micros = Math.min(HIGHEST_MICROS, Math.max(0, (nowNanos - connection.originNanos) / 1000));
            books.latencyMicros.recordValue(micros);
            books.tally.recordInterval(micros);
            books.tally.completed.increment();
        } else {
            books.tally.statusError(status, settings.uri().toString());
        }
    }

    /**
     * Times out the requests in flight whose deadline has passed, closing their connections. Walks the
     * connections only once the earliest deadline known has come, so a sweep is almost always free.
     */
    void sweepInFlight(long nowNanos) {
        if (nowNanos < earliestDeadlineNanos) {
            return;
        }
        List<Connection> expired = new ArrayList<>();
        long earliest = Long.MAX_VALUE;
        for (Connection c : live) {
            if (c.state == Connection.State.BUSY) {
                if (c.deadlineNanos <= nowNanos) {
                    expired.add(c);
                } else {
                    earliest = Math.min(earliest, c.deadlineNanos);
                }
            }
        }
        earliestDeadlineNanos = earliest;
        for (Connection c : expired) {
            c.books.outstanding--;
            c.books.tally.timeouts.increment();
            live.remove(c);
            c.abandon();
            timedOut(c);
        }
    }

    /** A request in flight on {@code connection} timed out and the connection was dropped. */
    abstract void timedOut(Connection connection);

    /** Notes the cause of a failure about to close a busy connection (the first one is reported). */
    void noteFailure(Throwable cause) {
        tally.noteFirstError(cause);
    }

    /** Schedules the sweep every {@link #SWEEP_NANOS} until this loop is done. */
    private void startSweeping() {
        loop.schedule(() -> {
            if (done.isDone()) {
                return;
            }
            sweep(System.nanoTime());
            if (!done.isDone()) {
                startSweeping();
            }
        }, SWEEP_NANOS, TimeUnit.NANOSECONDS);
    }
}
