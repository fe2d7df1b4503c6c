package dev.tva.async.server;

import dev.tva.workloads.web.Replies;
import dev.tva.workloads.web.RequestHead;
import dev.tva.workloads.web.ServerLimits;
import io.netty.handler.codec.http.ContentLengthNotAllowedException;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;

import java.util.Optional;

/**
 * The answers to requests that cannot be served at all: over a {@link ServerLimits} limit, or not
 * HTTP/1.1 that can be framed safely. Each is sent with {@code Connection: close}, and the connection is
 * closed: after such a request the server cannot know where the next one starts.
 */
final class Refusals {
    private Refusals() {
    }

    /**
     * The answer to a message Netty's decoder could not decode. The decoder reports the failure on the
     * message it was decoding: on the request itself for its line and headers (including
     * {@code Content-Length} with {@code Transfer-Encoding}, which Netty 4.2 rejects), on a content part
     * for a broken chunked body.
     */
    static Replies.Reply decoderFailure(HttpObject failed, Throwable cause) {
        if (failed instanceof HttpRequest request) {
            return switch (cause) {
                case TooLongHttpLineException tooLong -> Replies.REQUEST_LINE_TOO_LONG;
                case TooLongHttpHeaderException tooLong -> Replies.HEADERS_TOO_LARGE;
                case ContentLengthNotAllowedException both -> Replies.AMBIGUOUS_LENGTH;
                // Netty checks Content-Length and Transfer-Encoding itself, once the fields are read: the
                // lab's rules word it. A head it could not split into fields (a bare LF) comes with none.
                default -> request.headers().isEmpty() ? RequestHead.MALFORMED_HEAD
                        : head(request).orElse(RequestHead.MALFORMED_HEAD);
            };
        }
        return RequestHead.MALFORMED_CHUNK;
    }

    /**
     * Why {@code request}'s head breaks the lab's rules, or empty. The codec keeps field names and values as
     * sent (its own validation is off), so that these rules, not Netty's, decide and word the refusal.
     */
    static Optional<Replies.Reply> head(HttpRequest request) {
        return RequestHead.refusal(request.protocolVersion().text(), request.headers().entries());
    }

    /** 413: a body (announced or received) larger than {@link ServerLimits#MAX_BODY_BYTES}. */
    static Replies.Reply bodyTooLarge() {
        return Replies.BODY_TOO_LARGE;
    }

}
