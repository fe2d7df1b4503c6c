package dev.tva.workloads.web;

import java.time.Duration;

/**
 * The limits every lab server sets explicitly, instead of relying on each library's defaults, so the
 * four servers refuse the same abuse in the same way. A request over a limit is answered with the
 * status named here and its connection is closed. Connections and requests in progress are bounded by the
 * process's open-file limit: {@link FileBudget}.
 */
public final class ServerLimits {
    /** Longest request line ({@code GET /path?query HTTP/1.1}); longer gets 414. */
    public static final int MAX_REQUEST_LINE = 8 * 1024;
    /** Most bytes of request headers; more gets 431. */
    public static final int MAX_HEADER_BYTES = 16 * 1024;
    /** Largest request body (every endpoint is a GET, so a body is read and ignored); larger gets 413. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** A keep-alive connection with no request for this long is closed. */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);
    /**
     * The whole request head (request line and headers) must arrive within this, counted from its first byte;
     * otherwise the connection is closed (with a 408 first where the server can). The idle timeout cannot
     * stop a client that trickles a head one byte a second: that connection is never idle.
     */
    public static final Duration HEAD_TIMEOUT = Duration.ofSeconds(10);
    /** Longest wait for a backend answer before the request gets 504. */
    public static final Duration BACKEND_TIMEOUT = Duration.ofSeconds(30);

    /**
     * A server whose queue runs new work later than this (an event loop's lag, the wait of a new virtual thread in
     * the scheduler) cannot answer a new connection within the lab's SLO, a p99 of 100 ms, and takes no new ones
     * while it is: netty closes them at once, helidon leaves them in the kernel's listen queue.
     */
    public static final Duration MAX_QUEUE_DELAY = Duration.ofMillis(100);

    /** The answer to a head that did not arrive within {@link #HEAD_TIMEOUT}, where the server can send one. */
    public static final Replies.Reply HEAD_TOO_SLOW = new Replies.Reply(408,
            "request head not received within " + HEAD_TIMEOUT.toSeconds() + " s\n");

    private ServerLimits() {
    }

    /** {@link #HEAD_TOO_SLOW} as bytes on the wire, for a server that writes it below its HTTP codec. */
    public static byte[] headTooSlowOnTheWire() {
        byte[] body = HEAD_TOO_SLOW.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String head = "HTTP/1.1 408 Request Timeout\r\nContent-Type: " + Replies.CONTENT_TYPE + "\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n";
        return (head + HEAD_TOO_SLOW.body()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The limits in one line, for the server's start-up message and the docs. */
    public static String describe() {
        return "request line " + MAX_REQUEST_LINE + " B (414), headers " + MAX_HEADER_BYTES + " B (431), body "
                + MAX_BODY_BYTES + " B (413), idle timeout " + IDLE_TIMEOUT.toSeconds() + " s, head timeout "
                + HEAD_TIMEOUT.toSeconds() + " s (408), backend timeout "
                + BACKEND_TIMEOUT.toSeconds() + " s, " + FileBudget.current().describe();
    }
}
