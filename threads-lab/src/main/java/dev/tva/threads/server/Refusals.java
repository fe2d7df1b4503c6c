package dev.tva.threads.server;

import dev.tva.workloads.web.Replies;
import dev.tva.workloads.web.ServerLimits;

/**
 * The answers to a request over one of the {@link ServerLimits}, which {@link Replies} does not word: the
 * JDK server gives them from its own checks, Helidon from its limits, in the same words. Each is sent with
 * {@code Connection: close}: the rest of such a request is not read.
 */
final class Refusals {
    static final Replies.Reply REQUEST_LINE_TOO_LONG = Replies.REQUEST_LINE_TOO_LONG;
    static final Replies.Reply HEADERS_TOO_LARGE = Replies.HEADERS_TOO_LARGE;
    static final Replies.Reply BODY_TOO_LARGE = Replies.BODY_TOO_LARGE;
    static final Replies.Reply AMBIGUOUS_LENGTH = Replies.AMBIGUOUS_LENGTH;

    private Refusals() {
    }
}
