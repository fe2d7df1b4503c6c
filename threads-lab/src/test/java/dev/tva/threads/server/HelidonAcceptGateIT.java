package dev.tva.threads.server;

import dev.tva.workloads.web.LabServer;
import dev.tva.workloads.web.ServerConfig;
import dev.tva.workloads.web.ServerId;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * helidon behind: while its virtual threads wait too long to run (every carrier of this JVM, where the server runs,
 * held by threads that compute), a new connection stays in the kernel's listen queue, not accepted; once the
 * scheduler is on time it is accepted and answered, and so is the one accepted before it: held, nothing lost.
 * Real sockets on loopback; the listen queue is read where the kernel shows it ({@code /proc/net/tcp6}, {@code tcp}).
 */
class HelidonAcceptGateIT {
    private static final URI NO_BACKEND = URI.create("http://127.0.0.1:1");
    private static final byte[] HELLO = "GET /hello HTTP/1.1\r\nHost: lab\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aNewConnectionWaitsInTheListenQueueWhileTheSchedulerIsLateAndIsAnsweredAfter() throws Exception {
        try (LabServer server = HelidonServer.start(ServerConfig.of(ServerId.HELIDON, 0, NO_BACKEND))) {
            try (Socket warm = connect(server.port())) {
                assertThat(answer(warm)).startsWith("HTTP/1.1 200");
            }
            assertThat(listenQueue(server.port())).isZero();
            Socket first;
            Socket second;
            try (Carriers carriers = Carriers.hold()) {
                Thread.sleep(HelidonAcceptGate.MAX_LATE.toMillis() * 3);  // the probes see the scheduler late
                first = connect(server.port());
                second = connect(server.port());
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (listenQueue(server.port()) < 1 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(listenQueue(server.port())).as("the second connection not accepted while the scheduler is late").isEqualTo(1);
            }
            try (first; second) {
                assertThat(answer(first)).as("the connection held at accept, answered").startsWith("HTTP/1.1 200");
                assertThat(answer(second)).as("the connection left in the listen queue, answered").startsWith("HTTP/1.1 200");
            }
            assertThat(listenQueue(server.port())).isZero();
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        s.setSoTimeout(10_000);
        s.getOutputStream().write(HELLO);
        return s;
    }

    /** The first 12 bytes of the answer: its status line's start. */
    private static String answer(Socket s) throws IOException {
        byte[] head = new byte[12];
        int n = s.getInputStream().readNBytes(head, 0, head.length);
        return new String(head, 0, n, StandardCharsets.US_ASCII);
    }

    /** Connections in the listening socket's accept queue: the receive queue the kernel shows for a socket in LISTEN. */
    private static long listenQueue(int port) throws IOException {
        String local = String.format(Locale.ROOT, ":%04X", port);
        long queued = 0;
        for (String table : List.of("/proc/net/tcp6", "/proc/net/tcp")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            List<String> lines = Files.readAllLines(path);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f[1].endsWith(local) && f[3].equals("0A")) {  // local address, state LISTEN
                    queued += Long.parseLong(f[4].substring(f[4].indexOf(':') + 1), 16);
                }
            }
        }
        return queued;
    }
}
