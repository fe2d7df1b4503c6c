package dev.tva.threads.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.tva.workloads.web.Replies;
import dev.tva.workloads.web.RequestHead;
import dev.tva.workloads.web.ServerLimits;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lab's checks in front of the JDK server's handler: the {@link ServerLimits} and the {@link RequestHead}
 * rules the JDK's own parser does not enforce, and the body read to its end, so that a keep-alive connection
 * is never left with unread bytes.
 */
final class JdkChecks {
    private JdkChecks() {
    }

    /**
     * Why this request is refused, or empty; reads (and ignores) the body of a request it accepts. A refused
     * request's body is not read: its answer closes the connection.
     */
    static Optional<Replies.Reply> refusal(HttpExchange exchange) {
        int line = exchange.getRequestMethod().length() + exchange.getRequestURI().toString().length()
                + exchange.getProtocol().length() + 2;
        if (line > ServerLimits.MAX_REQUEST_LINE) {
            return Optional.of(Refusals.REQUEST_LINE_TOO_LONG);
        }
        Headers headers = exchange.getRequestHeaders();
        if (headerBytes(headers) > ServerLimits.MAX_HEADER_BYTES) {
            return Optional.of(Refusals.HEADERS_TOO_LARGE);
        }
        // The JDK itself refuses a bad field name, a Content-Length that is no number, a Transfer-Encoding
        // other than chunked, and both together; it lets the version, Host, NUL and a sign through.
        Optional<Replies.Reply> head = RequestHead.refusal(exchange.getProtocol(), fields(headers));
        if (head.isPresent()) {
            return head;
        }
        String length = headers.getFirst("Content-Length");
        if (length != null && Long.parseLong(length) > ServerLimits.MAX_BODY_BYTES) {
            return Optional.of(Refusals.BODY_TOO_LARGE);  // before a byte of it is read
        }
        // Read what is accepted (the JDK reads none of it: drainAmount 0); a chunked body shows its size here.
        try {
            return skip(exchange.getRequestBody()) > ServerLimits.MAX_BODY_BYTES ? Optional.of(Refusals.BODY_TOO_LARGE) : Optional.empty();
        } catch (IOException badChunk) {
            return Optional.of(RequestHead.MALFORMED_CHUNK);  // or the client has gone, and nobody reads the answer
        }
    }

    /** Every field as received (the JDK keeps the value and changes only the case of the name). */
    private static List<Map.Entry<String, String>> fields(Headers headers) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        headers.forEach((name, values) -> values.forEach(value -> fields.add(Map.entry(name, value))));
        return fields;
    }

    /** Header bytes as sent: {@code name: value} and a line end per field. */
    private static long headerBytes(Headers headers) {
        long total = 0;
        for (Map.Entry<String, List<String>> field : headers.entrySet()) {
            for (String value : field.getValue()) {
                total += field.getKey().length() + 2 + value.length() + 2;
            }
        }
        return total;
    }

    /** Reads a body to its end, or until it is over the limit; returns the bytes read. */
    private static long skip(InputStream body) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        while (total <= ServerLimits.MAX_BODY_BYTES) {
            int n = body.read(buffer);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }
}
