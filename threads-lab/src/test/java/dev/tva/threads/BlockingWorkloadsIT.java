package dev.tva.threads;

import dev.tva.workloads.Backend;
import dev.tva.workloads.Client;
import dev.tva.workloads.Workload;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fan-out in blocking code: n calls forked onto an executor, then joined. */
class BlockingWorkloadsIT {

    @Test
    void fanOutMakesItsCallsAtOnceAndAddsTheirBytes() throws Exception {
        try (Backend backend = Backend.start("127.0.0.1", 0, 1);
             BlockingWorkloads workloads = new BlockingWorkloads(backend.uri(), Client.LEAN, Duration.ofSeconds(5));
             ExecutorService forks = Executors.newVirtualThreadPerTaskExecutor()) {
            long start = System.nanoTime();
            long bytes = workloads.fanOut(20, new Workload.Http(300, 100), forks);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(bytes).isEqualTo(20 * 100);
            // At once: about 300 ms. One after another would be 6 s.
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(Duration.ofMillis(2_000));
        }
    }

    @Test
    void fanOutToADeadBackendThrowsTheCallsIOException() throws Exception {
        int deadPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            deadPort = probe.getLocalPort();
        }
        try (BlockingWorkloads workloads = new BlockingWorkloads(URI.create("http://127.0.0.1:" + deadPort), Client.LEAN, Duration.ofSeconds(2));
             ExecutorService forks = Executors.newVirtualThreadPerTaskExecutor()) {
            assertThatThrownBy(() -> workloads.fanOut(5, new Workload.Http(0, 1), forks)).isInstanceOf(IOException.class);
        }
    }
}
