package dev.tva.threads.server;

import dev.tva.workloads.web.ServerLimits;
import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.common.task.InterruptableTask;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.ConnectionContext;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One Helidon connection's head clock: it starts at a head's first read, and when the head is still incomplete
 * {@link ServerLimits#HEAD_TIMEOUT} later it answers 408 and closes the connection.
 */
final class HelidonHeadClock {
    /*
     * Helidon reads a request head with blocking reads on the connection's virtual thread and has no limit on the
     * time the head takes. Every read of the HTTP/1 connection goes through read() here (HelidonTimedContext hands
     * Helidon a reader built on it), so the clock sees each read: a read that returns while Helidon is reading a
     * request line starts a head; a read that is about to wait while a head is in progress means the head is not
     * complete, and only then is a timer armed (a head that comes in one read costs no timer). The HTTP/1
     * receive listener's headers callback (HelidonHeadCheck) stops the clock.
     *
     * At the timeout a virtual thread writes the lab's 408 and closes the socket, which wakes the blocked read;
     * read() then ends the connection as Helidon ends a connection a client closed, quietly.
     */
    private enum State { WAITING, STARTED, ARMED, EXPIRED, ENDED }

    private final ConnectionContext ctx;
    private final ScheduledExecutorService timer;
    private final Duration timeout;
    private InterruptableTask<?> http1;
    private State state = State.WAITING;
    private long startNanos;
    private ScheduledFuture<?> expiry;

    HelidonHeadClock(ConnectionContext ctx, ScheduledExecutorService timer, Duration timeout) {
        this.ctx = ctx;
        this.timer = timer;
        this.timeout = timeout;
    }

    /** The HTTP/1 connection whose request-line reads start a head; the first head has started already. */
    synchronized void watch(InterruptableTask<?> http1Connection) {
        this.http1 = http1Connection;
        startHead();
    }

    /** The next bytes from the socket, in the chunks Helidon read them, for the reader of Helidon's HTTP/1 connection. */
    byte[] read(DataReader socket) {
        if (socket.available() == 0) {
            armIfHeadIncomplete();
        }
        try {
            socket.ensureAvailable();  // blocks until the client sends something
        } catch (RuntimeException gone) {  // the end of the stream, or a socket error
            if (stop()) {
                throw new CloseConnectionException("request head not received within " + timeout.toSeconds() + " s", gone);
            }
            throw gone;
        }
        byte[] bytes = socket.readBytes(socket.available());
        synchronized (this) {
            if (state == State.WAITING && http1 != null && http1.canInterrupt()) {
                startHead();  // Helidon's HTTP/1 connection is reading a request line: these bytes begin a head
            }
        }
        return bytes;
    }

    /** The head is complete; false when it came too late (the 408 is on its way and the connection closing). */
    synchronized boolean received() {
        if (state == State.EXPIRED) {
            return false;
        }
        if (expiry != null) {
            expiry.cancel(false);
            expiry = null;
        }
        if (state != State.ENDED) {
            state = State.WAITING;
        }
        return true;
    }

    /** The connection is ending: no 408 any more; true when it ends because the head timed out. */
    synchronized boolean stop() {
        if (expiry != null) {
            expiry.cancel(false);
            expiry = null;
        }
        if (state == State.EXPIRED) {
            return true;
        }
        state = State.ENDED;
        return false;
    }

    private void startHead() {
        if (state == State.WAITING) {
            state = State.STARTED;
            startNanos = System.nanoTime();
        }
    }

    private synchronized void armIfHeadIncomplete() {
        if (state == State.STARTED) {
            state = State.ARMED;
            long left = startNanos + timeout.toNanos() - System.nanoTime();
            try {
                expiry = timer.schedule(() -> Thread.ofVirtual().name("helidon-head-timeout").start(this::expire),
                        Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopping) {
                // The server is stopping: it closes this connection itself.
            }
        }
    }

    /** On a virtual thread of its own: the write may wait for a client that does not read. */
    private void expire() {
        synchronized (this) {
            if (state != State.ARMED) {
                return;  // received or ended meanwhile
            }
            state = State.EXPIRED;
            expiry = null;
        }
        try {
            ctx.dataWriter().writeNow(BufferData.create(ServerLimits.headTooSlowOnTheWire()));
        } catch (RuntimeException gone) {
            // The client has gone: closing is all there is left to do.
        } finally {
            try {
                ctx.serverSocket().close();  // shuts the output (after the 408), then the input: the read returns
            } catch (RuntimeException closed) {
                // Closed already.
            }
        }
    }
}
