package dev.tva.cli;

import dev.tva.engine.ChildRun;
import dev.tva.engine.Runner;
import dev.tva.engine.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Netty out of file descriptors: its open-file limit lowered while it runs ({@code prlimit}), so that accepts
 * fail with {@code EMFILE}. The failure is one log line, even though no file can be opened at that moment.
 */
class AcceptLimitIT {

    @Test
    void aFailedAcceptIsOneLogLineWhenNoFileIsLeft(@TempDir Path dir) throws Exception {
        Path stderr = dir.resolve("stderr.txt");
        List<String> command = new ArrayList<>(Runner.javaCommand());
        command.addAll(List.of(ChildRun.MAIN_CLASS, "serve", "--server", "netty", "--port", "0", "--child"));
        Process server = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith(ServerProcess.READY_LINE)) {
                // start-up lines
            }
            assertThat(line).as("the server said it was ready").isNotNull();
            int port = Integer.parseInt(line.substring(ServerProcess.READY_LINE.length()).strip());
            long open;
            try (var fds = Files.list(Path.of("/proc", Long.toString(server.pid()), "fd"))) {
                open = fds.count();
            }
            long limit = open + 4; // a few accepts succeed, the rest meet EMFILE
            Process prlimit = new ProcessBuilder("prlimit", "--pid", Long.toString(server.pid()), "--nofile=" + limit + ":" + limit)
                    .redirectErrorStream(true).start();
            assertThat(prlimit.waitFor(10, TimeUnit.SECONDS) && prlimit.exitValue() == 0).as("prlimit lowered the limit").isTrue();

            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < 40; i++) {
                    Socket s = new Socket();
                    s.connect(new InetSocketAddress("127.0.0.1", port), 2_000); // the kernel completes it; accept fails
                    sockets.add(s);
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!Files.readString(stderr).contains("cannot accept connections") && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
            } finally {
                for (Socket s : sockets) {
                    s.close();
                }
            }
            String logged = Files.readString(stderr);
            assertThat(logged).as(logged).contains("cannot accept connections: Too many open files")
                    .doesNotContain("ExceptionInInitializerError").doesNotContain("NoClassDefFoundError")
                    .doesNotContain("\tat ");
        } finally {
            server.destroy();
            server.waitFor(15, TimeUnit.SECONDS);
        }
    }
}
