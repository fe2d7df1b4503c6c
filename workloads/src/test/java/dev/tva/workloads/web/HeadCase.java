package dev.tva.workloads.web;

import java.util.List;
import java.util.Map;

/**
 * Requests that RFC 9112 and RFC 9110 say a server must refuse, each with the answer every lab server gives:
 * the status and line of {@link RequestHead}. Every refusal closes the connection.
 */
public enum HeadCase {
    NO_HOST("GET /hello HTTP/1.1\r\n\r\n", "HTTP/1.1"),
    TWO_HOSTS("GET /hello HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n", "HTTP/1.1", "Host", "x", "Host", "y"),
    NUL_IN_A_VALUE("GET /hello HTTP/1.1\r\nHost: x\r\nX-Note: a\0b\r\n\r\n", "HTTP/1.1", "Host", "x", "X-Note", "a\0b"),
    CR_IN_A_VALUE("GET /hello HTTP/1.1\r\nHost: x\r\nX-Note: a\rb\r\n\r\n", "HTTP/1.1", "Host", "x", "X-Note", "a\rb"),
    /** A bare CR that a lenient parser reads as the end of a line: two fields instead of one. */
    CR_BEFORE_A_FIELD("GET /hello HTTP/1.1\r\nHost: x\r\nX-Note: a\rX-Other: b\r\n\r\n", "HTTP/1.1", "Host", "x", "X-Note", "a\rX-Other: b"),
    /** A bare LF: the lab requires CRLF at the end of every line of the head. */
    LF_IN_A_VALUE("GET /hello HTTP/1.1\r\nHost: x\r\nX-Note: a\nb\r\n\r\n", RequestHead.MALFORMED_HEAD),
    LF_BEFORE_A_FIELD("GET /hello HTTP/1.1\r\nHost: x\r\nX-Note: a\nX-Other: b\r\n\r\n", RequestHead.MALFORMED_HEAD),
    SPACE_BEFORE_THE_COLON("GET /hello HTTP/1.1\r\nHost: x\r\nX-Note : a\r\n\r\n", "HTTP/1.1", "Host", "x", "X-Note ", "a"),
    HTTP_2_0("GET /hello HTTP/2.0\r\nHost: x\r\n\r\n", "HTTP/2.0", "Host", "x"),
    HTTP_1_2("GET /hello HTTP/1.2\r\nHost: x\r\n\r\n", "HTTP/1.2", "Host", "x"),
    HTTP_3_0("GET /hello HTTP/3.0\r\nHost: x\r\n\r\n", "HTTP/3.0", "Host", "x"),
    LENGTH_WITH_A_SIGN("GET /hello HTTP/1.1\r\nHost: x\r\nContent-Length: +3\r\n\r\nabc", "HTTP/1.1", "Host", "x", "Content-Length", "+3"),
    NEGATIVE_LENGTH("GET /hello HTTP/1.1\r\nHost: x\r\nContent-Length: -3\r\n\r\nabc", "HTTP/1.1", "Host", "x", "Content-Length", "-3"),
    LENGTH_LIST("GET /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 3, 4\r\n\r\nabcd", "HTTP/1.1", "Host", "x", "Content-Length", "3, 4"),
    TWO_LENGTHS("GET /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
            "HTTP/1.1", "Host", "x", "Content-Length", "3", "Content-Length", "4"),
    LENGTH_NOT_DIGITS("GET /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 3a\r\n\r\nabc", "HTTP/1.1", "Host", "x", "Content-Length", "3a"),
    UNKNOWN_CODING("GET /hello HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", "HTTP/1.1", "Host", "x", "Transfer-Encoding", "gzip"),
    CHUNKED_NOT_LAST("GET /hello HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n",
            "HTTP/1.1", "Host", "x", "Transfer-Encoding", "chunked, gzip"),
    UNKNOWN_CODING_BEFORE_CHUNKED("GET /hello HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
            "HTTP/1.1", "Host", "x", "Transfer-Encoding", "gzip, chunked"),
    CHUNK_SIZE_NOT_HEX("GET /hello HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n", RequestHead.MALFORMED_CHUNK),
    NEGATIVE_CHUNK_SIZE("GET /hello HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n-3\r\nabc\r\n0\r\n\r\n", RequestHead.MALFORMED_CHUNK),
    CHUNK_WITHOUT_ITS_CRLF("GET /hello HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX0\r\n\r\n", RequestHead.MALFORMED_CHUNK),
    LENGTH_WITH_TRANSFER_ENCODING("GET /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            Replies.AMBIGUOUS_LENGTH);

    private final String request;
    private final Replies.Reply expected;

    /** A case refused with the line of another rule than {@link RequestHead#refusal}'s. */
    HeadCase(String request, Replies.Reply expected) {
        this.request = request;
        this.expected = expected;
    }

    /** A case whose answer is what {@link RequestHead#refusal} says of {@code version} and {@code fields}. */
    HeadCase(String request, String version, String... fields) {
        this(request, RequestHead.refusal(version, entries(fields)).orElseThrow());
    }

    /** The request, byte for byte (ISO-8859-1). */
    public String request() {
        return request;
    }

    /** The status and line every server answers with. */
    public Replies.Reply expected() {
        return expected;
    }

    private static List<Map.Entry<String, String>> entries(String... fields) {
        return java.util.stream.IntStream.iterate(0, i -> i < fields.length, i -> i + 2)
                .mapToObj(i -> Map.entry(fields[i], fields[i + 1])).toList();
    }
}
