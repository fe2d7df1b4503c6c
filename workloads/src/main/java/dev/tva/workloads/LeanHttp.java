package dev.tva.workloads;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * The HTTP/1.1 the lean clients speak and nothing more: the request they send, the answer they accept,
 * and the words of every way an answer can be wrong.
 *
 * <p>Both lean clients (a blocking socket in threads-lab, an event-loop pipeline in async-lab) apply these
 * rules to the same lines, so they do the same parsing work and differ only in how the bytes arrive: the
 * blocking one reads a line and waits for the next; the event-loop one keeps its place between reads.
 *
 * <p>The backend answers {@code 200} with a {@code Content-Length} body and keeps the connection open.
 * Anything else (a chunked body, a malformed status line, another status, a body cut short) fails the
 * call with an {@link IOException} that says what was wrong, so it is counted as an error, never waited on.
 */
public final class LeanHttp {
    /** The longest status or header line accepted: a longer one is a malformed answer, not a reason to buffer. */
    public static final int MAX_LINE = 8_192;
    /**
     * How long a pooled connection may sit unused before a lean client closes it, at its next call: 30 s, as long
     * as the JDK's {@code HttpClient} keeps one ({@code jdk.httpclient.keepalive.timeout}). A pool grows to the
     * calls in flight at its busiest moment, a stall of a second at 1,000 calls/s opens hundreds; without a limit
     * it would hold them for the rest of the server's life.
     */
    public static final Duration POOL_IDLE = Duration.ofSeconds(30);
    /**
     * A lean client closes at most one unused connection per this long: a pool shrinks by at most 100 connections a
     * second. After an overload a server's pool held 3,898 connections, about 1,600 of them last used within the same
     * second; closed all at once 30 s later, in one call, they held every answer of that second (p99 245 ms where
     * the seconds around it had 60 ms).
     */
    public static final Duration POOL_SHRINK_EVERY = Duration.ofMillis(10);
    private static final String PREFIX = "lean client: ";

    private LeanHttp() {
    }

    /** {@code GET /delay?ms=&bytes= HTTP/1.1} and a Host header: keep-alive is HTTP/1.1's default. */
    public static byte[] request(Workload.Http call, String host) {
        return ("GET " + Backend.target(call) + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code 127.0.0.1:9000}: the Host header for {@code base}. */
    public static String host(URI base) {
        return base.getHost() + ":" + base.getPort();
    }

    /** Checks the status line: {@code HTTP/1.1 200} and any reason phrase. */
    public static void status(String line) throws IOException {
        boolean wellFormed = line.length() >= 12 && line.startsWith("HTTP/1.1 ") && (line.length() == 12 || line.charAt(12) == ' ')
                && Character.isDigit(line.charAt(9)) && Character.isDigit(line.charAt(10)) && Character.isDigit(line.charAt(11));
        if (!wellFormed) {
            throw new IOException(PREFIX + "bad status line '" + shown(line) + "'");
        }
        if (!line.startsWith("200", 9)) {
            throw new IOException(PREFIX + "backend answered '" + shown(line.substring(9)) + "', not 200");
        }
    }

    /** What the headers of one answer said; fed one line at a time, the blank line excluded. */
    public static final class Head {
        private long contentLength = -1;
        private boolean close;

        /** Reads one header line. */
        public void header(String line) throws IOException {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException(PREFIX + "bad header line '" + shown(line) + "'");
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = length(value);
                case "transfer-encoding" -> throw new IOException(PREFIX + value.toLowerCase(Locale.ROOT)
                        + " transfer-encoding is not supported");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> { } // Content-Type and the like: nothing to do
            }
        }

        /** The body's length, which the answer must state. */
        public long bodyLength() throws IOException {
            if (contentLength < 0) {
                throw new IOException(PREFIX + "the answer has no Content-Length");
            }
            return contentLength;
        }

        /** False when the backend said it will close the connection after this answer. */
        public boolean keepAlive() {
            return !close;
        }

        private static long length(String value) throws IOException {
            try {
                long length = Long.parseLong(value);
                if (length >= 0) {
                    return length;
                }
            } catch (NumberFormatException e) {
                // worded below
            }
            throw new IOException(PREFIX + "bad Content-Length '" + shown(value) + "'");
        }
    }

    /** A status or header line longer than {@link #MAX_LINE}. */
    public static IOException lineTooLong() {
        return new IOException(PREFIX + "a header line is longer than " + MAX_LINE + " bytes");
    }

    /** The connection closed before the answer's head was complete. */
    public static IOException closedBeforeAnswer(URI base) {
        return new IOException(PREFIX + "connection to " + base + " closed before the answer");
    }

    /** The connection closed in the middle of the body. */
    public static IOException closedInBody(long read, long length) {
        return new IOException(PREFIX + "connection closed after " + read + " of " + length + " body bytes");
    }

    /** No answer within the timeout. */
    public static String noAnswer(URI base, long timeoutMillis) {
        return PREFIX + "no answer from " + base + " within " + timeoutMillis + " ms";
    }

    /** The connection could not be opened (refused, unreachable, or the connect timed out). */
    public static String cannotConnect(URI base, Throwable cause) {
        return PREFIX + "cannot connect to " + base + ": " + cause.getMessage();
    }

    private static String shown(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
