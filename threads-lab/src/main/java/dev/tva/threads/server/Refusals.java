package dev.tva.threads.server;

import dev.tva.workloads.web.Replies;
import dev.tva.workloads.web.ServerLimits;

/**
 * The answers to a request over one of the {@link ServerLimits}, which {@link Replies} does not word: the
 * JDK server gives them from its own checks, Helidon from its limits, in the same words. Each is sent with
 * {@code Connection: close}: the rest of such a request is not read.
 */
final class Refusals {
    static final Replies.Reply REQUEST_LINE_TOO_LONG = new Replies.Reply(414,
            "request line is over the limit of " + ServerLimits.MAX_REQUEST_LINE + " bytes\n");
    static final Replies.Reply HEADERS_TOO_LARGE = new Replies.Reply(431,
            "request headers are over the limit of " + ServerLimits.MAX_HEADER_BYTES + " bytes\n");
    static final Replies.Reply BODY_TOO_LARGE = new Replies.Reply(413,
            "request body is over the limit of " + ServerLimits.MAX_BODY_BYTES + " bytes\n");
    static final Replies.Reply AMBIGUOUS_LENGTH = new Replies.Reply(400,
            "Content-Length and Transfer-Encoding together: the body's length is ambiguous\n");

    private Refusals() {
    }
}
