package dev.tva.workloads.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A slowloris connection: it sends a request head one byte at a time and never finishes it, and notes when
 * the server cuts it off. The head is never idle for long, so only a limit on the whole head stops it
 * ({@link ServerLimits#HEAD_TIMEOUT}).
 */
public final class SlowHead {
    /** The start of the head; after it, the value of the last field grows by one byte at a time, for ever. */
    static final byte[] START = "GET /hello HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1);

    private SlowHead() {
    }

    /**
     * How a connection ended.
     *
     * @param cutOffAfter from its first byte until the server closed it; null when it was still open when given up
     * @param received    what the server sent before closing (a 408, or nothing)
     * @param bytesSent   bytes of the head sent
     */
    public record Outcome(Duration cutOffAfter, String received, long bytesSent) {
        public boolean cutOff() {
            return cutOffAfter != null;
        }
    }

    /**
     * Connects to {@code host:port}, sends a byte every {@code byteEvery} and returns when the server closes the
     * connection, or after {@code giveUpAfter} (counted from the first byte), whichever comes first.
     */
    public static Outcome trickle(String host, int port, Duration byteEvery, Duration giveUpAfter) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            long first = System.nanoTime();
            long giveUp = first + giveUpAfter.toNanos();
            long sent = 0;
            while (true) {
                long now = System.nanoTime();
                if (now >= giveUp) {
                    return new Outcome(null, text(received), sent);
                }
                try {
                    out.write(sent < START.length ? START[(int) sent] : 'a');
                    out.flush();
                    sent++;
                } catch (IOException closed) {
                    return new Outcome(Duration.ofNanos(System.nanoTime() - first), text(received), sent);
                }
                // Listen until the next byte is due: an end of stream or a reset is the server cutting it off.
                long next = Math.min(now + byteEvery.toNanos(), giveUp);
                for (long left = next - System.nanoTime(); left > 0; left = next - System.nanoTime()) {
                    socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
                    try {
                        int n = in.read(buffer);
                        if (n < 0) {
                            return new Outcome(Duration.ofNanos(System.nanoTime() - first), text(received), sent);
                        }
                        received.write(buffer, 0, n);
                    } catch (SocketTimeoutException due) {
                        break;
                    } catch (IOException reset) {
                        return new Outcome(Duration.ofNanos(System.nanoTime() - first), text(received), sent);
                    }
                }
            }
        }
    }

    private static String text(ByteArrayOutputStream received) {
        return received.toString(StandardCharsets.ISO_8859_1);
    }
}
