package dev.tva.threads.server;

import dev.tva.workloads.web.LabServer;
import dev.tva.workloads.web.ServerConfig;
import dev.tva.workloads.web.ServerId;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * helidon behind: a connection whose thread could not run for longer than the door's bound is ended unread, with no
 * answer; once the scheduler is on time, a new connection is served.
 * Real sockets on loopback; the scheduler is held behind by computing on every carrier of this JVM, where the
 * server runs.
 */
class HelidonDoorIT {
    private static final URI NO_BACKEND = URI.create("http://127.0.0.1:1");
    private static final byte[] HELLO = "GET /hello HTTP/1.1\r\nHost: lab\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aConnectionWhoseThreadWaitedPastTheBoundIsEndedUnreadAndTheNextOneIsServed() throws Exception {
        try (LabServer server = HelidonServer.start(ServerConfig.of(ServerId.HELIDON, 0, NO_BACKEND))) {
            assertThat(hello(server.port())).startsWith("HTTP/1.1 200");
            try (Socket waiting = new Socket()) {
                try (Carriers held = Carriers.hold()) {
                    waiting.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
                    waiting.getOutputStream().write(HELLO);
                    Thread.sleep(HelidonDoor.MAX_WAIT.toMillis() * 2);
                }
                waiting.setSoTimeout(10_000);
                assertThat(waiting.getInputStream().readAllBytes()).as("ended unread: closed, nothing answered").isEmpty();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            String answer = hello(server.port());
            while (!answer.startsWith("HTTP/1.1 200") && System.nanoTime() < deadline) {
                Thread.sleep(50);
                answer = hello(server.port());
            }
            assertThat(answer).as("served again once the scheduler is on time").startsWith("HTTP/1.1 200");
        }
    }

    /** The first line of the answer to GET /hello on a new connection, or "" if it was closed unanswered. */
    private static String hello(int port) throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(HELLO);
            InputStream in = s.getInputStream();
            byte[] head = new byte[12];
            int n = in.readNBytes(head, 0, head.length);
            return new String(head, 0, n, StandardCharsets.US_ASCII);
        }
    }
}
