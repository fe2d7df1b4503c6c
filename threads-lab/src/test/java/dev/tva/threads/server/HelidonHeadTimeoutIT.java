package dev.tva.threads.server;

import dev.tva.workloads.web.LabServer;
import dev.tva.workloads.web.ServerConfig;
import dev.tva.workloads.web.ServerId;
import dev.tva.workloads.web.ServerLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The helidon server's head timeout ({@link HelidonHeadTimeout}) in the cases the contract does not try: a
 * trickled request line, a trickled later head on a kept-alive connection, and a slow head that does arrive in time.
 */
class HelidonHeadTimeoutIT {
    private static final Duration BYTE_EVERY = Duration.ofMillis(250);
    private static final Duration LIMIT = ServerLimits.HEAD_TIMEOUT;
    private static final String TOO_SLOW = new String(ServerLimits.headTooSlowOnTheWire(), StandardCharsets.UTF_8);
    private static final String HELLO = "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n";

    private static LabServer server;

    @BeforeAll
    static void start() {
        server = HelidonServer.start(ServerConfig.of(ServerId.HELIDON, 0, URI.create("http://127.0.0.1:1")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aTrickledRequestLineIsAnswered408AtTheHeadTimeout() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            Ending ending = trickle(socket, "GET /hello?pad=", true, LIMIT.plusSeconds(4));
            assertCutOffWith408(ending);
        }
    }

    @Test
    void aLaterHeadIsTimedFromItsOwnFirstByteNotFromThePreviousRequest() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(HELLO.getBytes(StandardCharsets.ISO_8859_1));
            // Read the answer, then leave the connection idle: 2 s that the next head's clock must not count.
            assertThat(readUntilQuiet(socket, Duration.ofSeconds(2))).startsWith("HTTP/1.1 200");
            Ending ending = trickle(socket, "GET /hello HTTP/1.1\r\nHost: x\r\nX-Slow: ", true, LIMIT.plusSeconds(4));
            assertCutOffWith408(ending);
        }
    }

    @Test
    void aSlowHeadThatCompletesBeforeTheTimeoutIsServedAndItsConnectionKept() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            // 34 bytes a quarter of a second apart: complete after about 8.3 s. Then listen past the timeout.
            Ending ending = trickle(socket, HELLO, false, LIMIT.plusSeconds(3));
            assertThat(ending.cutOffAfter()).as("cut off, received: " + ending.received()).isNull();
            assertThat(ending.received()).startsWith("HTTP/1.1 200").doesNotContain("408");
            socket.getOutputStream().write(HELLO.getBytes(StandardCharsets.ISO_8859_1));
            assertThat(readUntilQuiet(socket, Duration.ofSeconds(1))).as("the kept connection's next answer").startsWith("HTTP/1.1 200");
        }
    }

    private static void assertCutOffWith408(Ending ending) {
        String what = "after " + ending.cutOffAfter() + ", received: " + ending.received();
        assertThat(ending.cutOffAfter()).as(what).isNotNull().isBetween(LIMIT.minusMillis(500), LIMIT.plusSeconds(3));
        assertThat(ending.received()).as(what).isEqualTo(TOO_SLOW);
    }

    /** How a trickle ended: when the server closed the connection (null: still open), and what it sent. */
    private record Ending(Duration cutOffAfter, String received) {
    }

    /**
     * Sends {@code head} a byte every {@link #BYTE_EVERY} (then {@code 'a'} for ever when {@code endless}), listening
     * all the while, until the server closes the connection or {@code giveUpAfter} from the first byte.
     */
    private static Ending trickle(Socket socket, String head, boolean endless, Duration giveUpAfter) throws IOException {
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(50);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        long first = System.nanoTime();
        long next = first;
        for (int sent = 0; System.nanoTime() - first < giveUpAfter.toNanos(); ) {
            try {
                if (System.nanoTime() >= next && (endless || sent < head.length())) {
                    socket.getOutputStream().write(sent < head.length() ? head.charAt(sent) : 'a');
                    sent++;
                    next += BYTE_EVERY.toNanos();
                }
                int n = socket.getInputStream().read(buffer);
                if (n < 0) {
                    return new Ending(Duration.ofNanos(System.nanoTime() - first), received.toString(StandardCharsets.UTF_8));
                }
                received.write(buffer, 0, n);
            } catch (SocketTimeoutException quiet) {
                // Nothing from the server yet.
            } catch (IOException reset) {
                return new Ending(Duration.ofNanos(System.nanoTime() - first), received.toString(StandardCharsets.UTF_8));
            }
        }
        return new Ending(null, received.toString(StandardCharsets.UTF_8));
    }

    /** What the server sends until it has been quiet for {@code quiet}. */
    private static String readUntilQuiet(Socket socket, Duration quiet) throws IOException {
        socket.setSoTimeout((int) quiet.toMillis());
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        try {
            for (int n = socket.getInputStream().read(buffer); n > 0; n = socket.getInputStream().read(buffer)) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException done) {
            // Quiet: the answer is complete.
        }
        return received.toString(StandardCharsets.UTF_8);
    }
}
