package dev.tva.threads;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/*
 * The plainest blocking call: a socket, a request line, and a read that holds the calling thread until
 * the answer is there. How to give up on it depends on the thread:
 *
 *   - a virtual thread blocked in a socket read is interruptible (JDK 21+): interrupt() closes the
 *     socket and the read throws at once;
 *   - a platform thread blocked in a socket read ignores interrupt(): it waits for the answer anyway.
 *     Closing the socket from another thread (close()) is what ends the read, on either kind.
 */

/** One HTTP/1.1 GET on a connection of its own, blocking the calling thread; {@link #close} from another thread cancels it. */
public final class BlockingGet implements AutoCloseable {
    private final Socket socket;
    private final String host;

    private BlockingGet(Socket socket, String host) {
        this.socket = socket;
        this.host = host;
    }

    /** Connects to {@code base} ({@code http://host:port}). */
    public static BlockingGet open(URI base) throws IOException {
        return open(base, Duration.ZERO);
    }

    /** The same; a read that waits longer than {@code readTimeout} fails ({@code ZERO}: waits for ever). */
    public static BlockingGet open(URI base, Duration readTimeout) throws IOException {
        Socket socket = new Socket();
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, readTimeout.toMillis()));
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        return new BlockingGet(socket, base.getHost() + ":" + base.getPort());
    }

    /** Sends {@code GET pathAndQuery} and blocks until the whole answer is read; returns the body's length. */
    public long get(String pathAndQuery) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = new BufferedInputStream(socket.getInputStream());
        String status = line(in);
        long length = -1;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(header.substring("content-length:".length()).trim());
            }
        }
        long read = length;
        if (length < 0) {
            read = in.transferTo(OutputStream.nullOutputStream());
        } else {
            in.skipNBytes(length);
        }
        if (!status.startsWith("HTTP/1.1 200")) {
            throw new IOException("answered " + status);
        }
        return read;
    }

    /** Closes the connection: a read blocked in {@link #get} on another thread throws at once. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }

    /** Whether the connection is still open on this side. */
    public boolean isOpen() {
        return !socket.isClosed();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed before the answer");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
