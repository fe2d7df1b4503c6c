package dev.tva.threads.server;

import dev.tva.workloads.web.RawHttp;
import dev.tva.workloads.web.Replies;
import dev.tva.workloads.web.ServerContract;
import dev.tva.workloads.web.ServerLimits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract, and what the three servers of this module add to it: a request over a limit is refused
 * with the same line whether the JDK server's checks or Helidon's limits refuse it.
 */
abstract class BlockingServerContract extends ServerContract {

    @Test
    void anOversizeRequestLineIsRefusedWithTheSameLine() throws Exception {
        String path = "/hello?pad=" + "x".repeat(ServerLimits.MAX_REQUEST_LINE);
        RawHttp.Exchange answer = RawHttp.send(server().port(), "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n", 5_000);
        assertRefused(answer, Refusals.REQUEST_LINE_TOO_LONG);
    }

    @Test
    void anOversizeBodyIsRefusedWithTheSameLine() throws Exception {
        RawHttp.Exchange answer = RawHttp.send(server().port(), "GET /hello HTTP/1.1\r\nHost: x\r\nContent-Length: "
                + (ServerLimits.MAX_BODY_BYTES + 1) + "\r\n\r\n", 5_000);
        assertRefused(answer, Refusals.BODY_TOO_LARGE);
    }

    @Test
    void aBodyWithinTheLimitIsReadAndIgnoredOnAKeptConnection() throws Exception {
        String body = "z".repeat(ServerLimits.MAX_BODY_BYTES);
        RawHttp.Exchange two = RawHttp.send(server().port(), "GET /hello HTTP/1.1\r\nHost: x\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body + "GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5_000);
        assertThat(two.text().split("HTTP/1.1 200", -1)).as(two.text()).hasSize(3);
    }

    private static void assertRefused(RawHttp.Exchange answer, Replies.Reply expected) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(expected.status());
        assertThat(answer.body()).isEqualTo(expected.body());
        assertThat(answer.header("Content-Type")).isEqualTo(Replies.CONTENT_TYPE);
        assertThat(answer.closed()).as("connection closed").isTrue();
    }
}
