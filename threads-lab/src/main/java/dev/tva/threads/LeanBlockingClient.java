package dev.tva.threads;

import dev.tva.workloads.LeanHttp;
import dev.tva.workloads.Workload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lean client of blocking code, hand-written on purpose: the experiment's control, the least HTTP/1.1
 * keep-alive code that calls the backend, so a thread pays for its model and not for a library.
 * {@code LeanAsyncClient} in async-lab is its twin: same request, same rules ({@link LeanHttp}), same errors.
 *
 * <p>A call takes an idle connection (or opens one), writes the request, reads the status line, the
 * headers and {@code Content-Length} bytes, and gives the connection back: no more connections are
 * opened than calls are in flight. The thread blocks in every read; a read that waits longer than the
 * timeout fails the call. Each call first closes the connection unused the longest if that is longer than
 * {@link LeanHttp#POOL_IDLE}, at most one per {@link LeanHttp#POOL_SHRINK_EVERY} among all callers, so a pool
 * that grew for a burst shrinks back, gradually.
 */
public final class LeanBlockingClient implements BlockingClient {
    private final URI base;
    private final InetSocketAddress address;
    private final String host;
    private final int timeoutMillis;
    private final long poolIdleNanos;
    /** Connections no call is using, the most recently used first. */
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;
    /** When an unused connection was last closed: the caller that moves it on closes the next one ({@link #closeUnused()}). */
    private final AtomicLong lastShrinkNanos = new AtomicLong(System.nanoTime() - LeanHttp.POOL_SHRINK_EVERY.toNanos());

    /** Calls {@code base}; a connect or a read that waits longer than {@code timeout} fails the call. */
    public LeanBlockingClient(URI base, Duration timeout) {
        this(base, timeout, LeanHttp.POOL_IDLE);
    }

    /** As above, with connections unused for longer than {@code poolIdle} closed at the next call. */
    LeanBlockingClient(URI base, Duration timeout, Duration poolIdle) {
        this.base = base;
        this.poolIdleNanos = poolIdle.toNanos();
        this.address = new InetSocketAddress(base.getHost(), base.getPort());
        this.host = LeanHttp.host(base);
        this.timeoutMillis = (int) Math.clamp(timeout.toMillis(), 1, Integer.MAX_VALUE);
    }

    @Override
    public long get(Workload.Http call) throws IOException {
        closeUnused();
        Connection connection = idle.pollFirst();
        if (connection == null) {
            connection = open();
        }
        boolean reusable = false;
        try {
            connection.write(LeanHttp.request(call, host));
            LeanHttp.Head head = readHead(connection);
            long length = connection.readBody(head.bodyLength());
            reusable = head.keepAlive();
            return length;
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException(LeanHttp.noAnswer(base, timeoutMillis));
        } finally {
            release(connection, reusable);
        }
    }

    /**
     * Opens a connection. It is a {@link SocketChannel}'s socket, not a plain {@code new Socket()}: the
     * channel's blocking read ends when its thread is interrupted, on a platform thread as on a virtual
     * one, and that is how a fan-out cancels a call (a plain socket ignores it on a platform thread).
     */
    private Connection open() throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            Socket socket = channel.socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(timeoutMillis);
            socket.connect(address, timeoutMillis);
            return new Connection(channel, socket.getInputStream(), socket.getOutputStream());
        } catch (IOException e) {
            channel.close();
            ConnectException failed = new ConnectException(LeanHttp.cannotConnect(base, e));
            failed.initCause(e);
            throw failed;
        }
    }

    /** The status line and the headers, up to the blank line. */
    private LeanHttp.Head readHead(Connection connection) throws IOException {
        LeanHttp.status(readLine(connection));
        LeanHttp.Head head = new LeanHttp.Head();
        for (String line = readLine(connection); !line.isEmpty(); line = readLine(connection)) {
            head.header(line);
        }
        return head;
    }

    private String readLine(Connection connection) throws IOException {
        String line = connection.readLine();
        if (line == null) {
            throw LeanHttp.closedBeforeAnswer(base);
        }
        return line;
    }

    /**
     * Closes the pooled connection unused the longest (at the tail) if it was unused for longer than the pool's idle
     * time, and no caller closed one within {@link LeanHttp#POOL_SHRINK_EVERY}.
     */
    private void closeUnused() {
        long now = System.nanoTime();
        Connection c = idle.peekLast();
        long last = lastShrinkNanos.get();
        if (c == null || now - c.idleSince <= poolIdleNanos || now - last < LeanHttp.POOL_SHRINK_EVERY.toNanos()
                || !lastShrinkNanos.compareAndSet(last, now)) {
            return;
        }
        if (idle.removeLastOccurrence(c)) {  // another caller may have taken it meanwhile
            try {
                c.channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** Keeps a connection whose answer was read to its end; closes any other, and all once the client is closed. */
    private void release(Connection connection, boolean reusable) throws IOException {
        if (reusable && !closed) {
            connection.idleSince = System.nanoTime();
            idle.offerFirst(connection);
        } else {
            connection.channel.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Connection c; (c = idle.pollFirst()) != null; ) {
            try {
                c.channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** One connection and the bytes read from it that are not parsed yet. */
    private static final class Connection {
        private final SocketChannel channel;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] buffer = new byte[LeanHttp.MAX_LINE];
        /** When the last answer on this connection was read to its end. */
        private volatile long idleSince;
        private int start;
        private int end;

        Connection(SocketChannel channel, InputStream in, OutputStream out) {
            this.channel = channel;
            this.in = in;
            this.out = out;
        }

        void write(byte[] request) throws IOException {
            out.write(request);
        }

        /** The next line without its line end, reading as much as it needs; null when the connection closed first. */
        String readLine() throws IOException {
            int scanned = start;
            while (true) {
                for (int i = scanned; i < end; i++) {
                    if (buffer[i] == '\n') {
                        int lineEnd = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
                        String line = new String(buffer, start, lineEnd - start, StandardCharsets.US_ASCII);
                        start = i + 1;
                        return line;
                    }
                }
                if (end - start == buffer.length) {
                    throw LeanHttp.lineTooLong();
                }
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                scanned = end;
                start = 0;
                int n = in.read(buffer, end, buffer.length - end);
                if (n < 0) {
                    return null;
                }
                end += n;
            }
        }

        /** Reads {@code length} body bytes (what is already buffered first) and counts them. */
        long readBody(long length) throws IOException {
            long read = Math.min(end - start, length);
            start += (int) read;
            while (read < length) {
                start = 0;
                end = 0;
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - read));
                if (n < 0) {
                    throw LeanHttp.closedInBody(read, length);
                }
                read += n;
            }
            return read;
        }
    }
}
