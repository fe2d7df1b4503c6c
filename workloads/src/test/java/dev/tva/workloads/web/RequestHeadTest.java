package dev.tva.workloads.web;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule of {@link RequestHead} on its own: what is refused, with which status and line, and what is served. */
class RequestHeadTest {

    /** The refusal of a head with {@code version} and {@code fields} given as name, value, name, value, ... */
    private static Optional<Replies.Reply> check(String version, String... fields) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (int i = 0; i < fields.length; i += 2) {
            list.add(Map.entry(fields[i], fields[i + 1]));
        }
        return RequestHead.refusal(version, list);
    }

    private static Replies.Reply refused(String version, String... fields) {
        return check(version, fields).orElseThrow(() -> new AssertionError("served: " + version + " " + List.of(fields)));
    }

    @Test
    void aPlainRequestIsServed() {
        assertThat(check("HTTP/1.1", "Host", "x")).isEmpty();
        assertThat(check("HTTP/1.1", "host", "x", "Content-Length", "0")).isEmpty();
        assertThat(check("HTTP/1.1", "Host", "x", "Transfer-Encoding", "Chunked")).isEmpty();
        assertThat(check("HTTP/1.0")).as("HTTP/1.0 needs no Host").isEmpty();
    }

    @Test
    void hostMustBeThereExactlyOnce() {
        assertThat(refused("HTTP/1.1")).isEqualTo(new Replies.Reply(400,
                "a request needs exactly one Host field (at most one in HTTP/1.0); this one has 0\n"));
        assertThat(refused("HTTP/1.1", "Host", "x", "HOST", "y").body()).endsWith("this one has 2\n");
        assertThat(refused("HTTP/1.0", "Host", "x", "Host", "x").status()).isEqualTo(400);
    }

    @Test
    void aValueWithNulCrOrLfIs400() {
        for (String value : List.of("a\0b", "a\rb", "a\nb", "a\r\nX-Other: b")) {
            assertThat(refused("HTTP/1.1", "Host", "x", "X-Note", value))
                    .isEqualTo(new Replies.Reply(400, "a field value has a NUL, CR or LF in it\n"));
        }
    }

    @Test
    void aNameWithWhitespaceBeforeTheColonIs400() {
        assertThat(refused("HTTP/1.1", "Host", "x", "X-Note ", "a"))
                .isEqualTo(new Replies.Reply(400, "field name 'X-Note ' is not a token (no whitespace before the colon)\n"));
        assertThat(refused("HTTP/1.1", "Host\t", "x").status()).isEqualTo(400);
        assertThat(refused("HTTP/1.1", "Host", "x", "", "a").status()).isEqualTo(400);
    }

    @Test
    void anyVersionButHttp11And10Is505() {
        for (String version : List.of("HTTP/2.0", "HTTP/1.2", "HTTP/3.0", "HTTP/0.9", "http/1.1")) {
            assertThat(refused(version, "Host", "x")).isEqualTo(new Replies.Reply(505,
                    "HTTP version " + version + " is not supported; only HTTP/1.1 and HTTP/1.0\n"));
        }
    }

    @Test
    void contentLengthMustBeOneRunOfDigits() {
        for (String length : List.of("+3", "-3", "3, 4", "3, 3", "3a", "0x3", "", " 3", "99999999999999999999")) {
            assertThat(refused("HTTP/1.1", "Host", "x", "Content-Length", length))
                    .isEqualTo(new Replies.Reply(400, "Content-Length must be one field of digits only, got " + length + "\n"));
        }
        assertThat(refused("HTTP/1.1", "Host", "x", "Content-Length", "3", "Content-Length", "3").body())
                .isEqualTo("Content-Length must be one field of digits only, got 3, 3\n");
    }

    @Test
    void transferEncodingOtherThanChunkedAloneIs501() {
        for (String coding : List.of("gzip", "chunked, gzip", "gzip, chunked", "identity", "chunked, chunked")) {
            assertThat(refused("HTTP/1.1", "Host", "x", "Transfer-Encoding", coding)).isEqualTo(new Replies.Reply(501,
                    "Transfer-Encoding " + coding + " is not supported; only chunked, alone\n"));
        }
        assertThat(refused("HTTP/1.1", "Host", "x", "Transfer-Encoding", "chunked", "Transfer-Encoding", "gzip").status())
                .isEqualTo(501);
    }

    @Test
    void contentLengthWithTransferEncodingIsTheAmbiguousLength() {
        assertThat(refused("HTTP/1.1", "Host", "x", "Content-Length", "5", "Transfer-Encoding", "chunked"))
                .isEqualTo(Replies.AMBIGUOUS_LENGTH);
    }

    @Test
    void everyRefusalIsOneLineWithoutControlCharacters() {
        Replies.Reply reply = refused("HTTP/1.1", "Host", "x", "X-\0Bad\r\n", "v");
        assertThat(reply.body()).hasLineCount(1).endsWith("\n").doesNotContain("\0", "\r");
        assertThat(refused("HTTP/1.1\r\nX: " + "y".repeat(200)).body()).hasLineCount(1).hasSizeLessThan(140);
    }
}
