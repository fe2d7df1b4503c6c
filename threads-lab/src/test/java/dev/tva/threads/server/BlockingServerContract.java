package dev.tva.threads.server;

import dev.tva.workloads.web.RawHttp;
import dev.tva.workloads.web.Replies;
import dev.tva.workloads.web.ServerContract;
import dev.tva.workloads.web.ServerLimits;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract, and what the three servers of this module add to it: a request over a limit is refused
 * with the same line whether the JDK server's checks or Helidon's limits refuse it, and a stream whose
 * client has gone stops.
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

    @Test
    void aStreamStopsWhenItsClientHasGone() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server().port())) {
            // 1,000 chunks, 20 s of them: the client reads the first and hangs up.
            socket.getOutputStream().write("GET /stream?chunks=1000&ms=20 HTTP/1.1\r\nHost: x\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            for (String line = reader.readLine(); !Replies.chunk(1, 1000).equals(line + "\n"); line = reader.readLine()) {
                assertThat(line).as("the answer ended before its first chunk").isNotNull();
            }
            assertThat(HandlerThreads.now()).as("the handler, streaming").hasSize(1);
        }
        // A write fails soon after: the handler returns and no thread runs it any more.
        Set<String> handlers = HandlerThreads.now();
        for (long deadline = System.nanoTime() + 3_000_000_000L; !handlers.isEmpty() && System.nanoTime() < deadline; ) {
            Thread.sleep(100);
            handlers = HandlerThreads.now();
        }
        assertThat(handlers).as("threads still streaming").isEmpty();
    }

    private static void assertRefused(RawHttp.Exchange answer, Replies.Reply expected) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(expected.status());
        assertThat(answer.body()).isEqualTo(expected.body());
        assertThat(answer.header("Content-Type")).isEqualTo(Replies.CONTENT_TYPE);
        assertThat(answer.closed()).as("connection closed").isTrue();
    }
}
