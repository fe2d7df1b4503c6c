package dev.tva.load;

import io.netty.channel.EventLoop;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * The closed model on one event loop, kept as a teaching contrast: each connection sends its next
 * request as soon as the previous answer arrives, and latency counts from that actual send. When the
 * server stalls, the connections stall with it and stop sending, so the stall is measured once per
 * connection instead of once per request a user would have sent: coordinated omission, on purpose.
 */
final class ClosedDriver extends Driver {
    /** A failed connection attempt is retried after this, so a dead server is not hammered in a tight loop. */
    private static final long RECONNECT_DELAY_MILLIS = 100;

    /** Connections opened before the clock started. */
    private final ArrayDeque<Connection> ready = new ArrayDeque<>();
    private boolean started;
    private int inFlight;

    ClosedDriver(EventLoop loop, LoadSettings settings, Tally tally, int connections) {
        super(loop, settings, tally, connections);
    }

    @Override
    void begin() {
        started = true;
        while (!ready.isEmpty()) {
            Connection c = ready.poll();
            if (c.state == Connection.State.IDLE) {
                sendNext(c);
            }
        }
        while (live.size() + connecting < maxConnections) {
            open();
        }
        loop.schedule(this::checkDone, endNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    /** Sends the connection's next request, or, once the duration is over, closes it. */
    private void sendNext(Connection connection) {
        long now = System.nanoTime();
        if (now >= endNanos) {
            live.remove(connection);
            connection.close();
            return;
        }
        Books books = books(now);
        inFlight++;
        books.tally.scheduled.increment();
        books.outstanding++;
        send(connection, now, books);
    }

    /** Keeps the number of connections up while the duration lasts. */
    private void replace() {
        if (System.nanoTime() < endNanos && live.size() + connecting < maxConnections) {
            open();
        }
    }

    @Override
    void connected(Connection connection) {
        if (started) {
            sendNext(connection);
        } else {
            ready.add(connection);
        }
    }

    /** Counts a failed attempt as an error (once the clock runs) and tries again a little later. */
    @Override
    void connectFailed(Throwable cause) {
        if (started && System.nanoTime() >= measureFromNanos) {
            tally.connectionError(cause);
        } else {
            tally.noteFirstError(cause);
        }
        if (started) {
            loop.schedule(this::replace, RECONNECT_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        }
        checkDone();
    }

    @Override
    void closed(Connection connection, Throwable lost) {
        live.remove(connection);
        if (lost != null) {
            inFlight--;
            connection.books.outstanding--;
            connection.books.tally.connectionError(lost);
        }
        if (started) {
            replace();
        }
        checkDone();
    }

    @Override
    void answered(Connection connection, int status, long nowNanos) {
        record(connection, status, nowNanos);
        inFlight--;
        if (connection.state == Connection.State.IDLE) {
            sendNext(connection);
        } else {
            live.remove(connection);
            replace();
        }
        checkDone();
    }

    @Override
    void timedOut(Connection connection) {
        inFlight--;
        replace();
    }

    @Override
    void sweep(long nowNanos) {
        sweepInFlight(nowNanos);
        checkDone();
    }

    private void checkDone() {
        if (started && inFlight == 0 && connecting == 0 && System.nanoTime() >= endNanos) {
            done.complete(null);
        }
    }
}
