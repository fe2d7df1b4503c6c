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
    /** Longest wait for a backend answer before the request gets 504. */
    public static final Duration BACKEND_TIMEOUT = Duration.ofSeconds(30);

    private ServerLimits() {
    }

    /** The limits in one line, for the server's start-up message and the docs. */
    public static String describe() {
        return "request line " + MAX_REQUEST_LINE + " B (414), headers " + MAX_HEADER_BYTES + " B (431), body "
                + MAX_BODY_BYTES + " B (413), idle timeout " + IDLE_TIMEOUT.toSeconds() + " s, backend timeout "
                + BACKEND_TIMEOUT.toSeconds() + " s, " + FileBudget.current().describe();
    }
}
