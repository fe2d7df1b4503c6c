package dev.tva.threads.server;

import dev.tva.workloads.web.Replies;
import dev.tva.workloads.web.RequestHead;
import io.helidon.common.buffers.BufferData;
import io.helidon.http.Header;
import io.helidon.http.Headers;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link RequestHead} rules on Helidon: checked when a request's fields are read, before Helidon frames
 * its body, and answered in the lab's words with the connection closed; the head's clock stops here too
 * ({@link HelidonHeadTimeout}). Helidon's own parser refuses a bad
 * field name or value before this runs (in its words); only HTTP/1.1 reaches it ({@link HelidonVersions}).
 */
final class HelidonHeadCheck implements Http1ConnectionListener {

    @Override
    public void headers(ConnectionContext ctx, Headers headers) {
        // The head is complete: its clock stops.
        if (!HelidonTimedContext.clock(ctx).map(HelidonHeadClock::received).orElse(true)) {
            throw new CloseConnectionException("the head came after the head timeout, which answered it 408");
        }
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (Header header : headers) {
            header.allValues().forEach(value -> fields.add(Map.entry(header.name(), value)));
        }
        Optional<Replies.Reply> refusal = RequestHead.refusal("HTTP/1.1", fields);
        if (refusal.isPresent()) {
            refuse(ctx, refusal.get());
        }
    }

    /** Writes {@code reply} on the connection and closes it: nothing after this head is read. */
    static void refuse(ConnectionContext ctx, Replies.Reply reply) {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + reply.status() + " " + reason(reply.status()) + "\r\nContent-Type: " + Replies.CONTENT_TYPE
                + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        ctx.dataWriter().writeNow(BufferData.create(head.getBytes(StandardCharsets.ISO_8859_1)));
        ctx.dataWriter().writeNow(BufferData.create(body));
        throw new CloseConnectionException("refused: " + reply.body().strip());
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 501 -> "Not Implemented";
            case 505 -> "HTTP Version Not Supported";
            default -> "Error";
        };
    }
}
