package dev.tva.threads;

import dev.tva.workloads.Backend;
import dev.tva.workloads.Client;
import dev.tva.workloads.ExecutionModel;
import dev.tva.workloads.Experiment;
import dev.tva.workloads.Workload;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fan-out in blocking code: n calls forked onto the model's executor, then joined. */
class BlockingWorkloadsIT {

    @Test
    void fanOutMakesItsCallsAtOnceAndAddsTheirBytes() throws Exception {
        try (Backend backend = Backend.start("127.0.0.1", 0, 1);
             ExecutorService forks = Executors.newVirtualThreadPerTaskExecutor();
             BlockingWorkloads workloads = new BlockingWorkloads(forks, backend.uri(), Client.LEAN, Duration.ofSeconds(5))) {
            long start = System.nanoTime();
            long bytes = workloads.fanOut(new Workload.FanOut(20, 300, 100));
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
        try (ExecutorService forks = Executors.newVirtualThreadPerTaskExecutor();
             BlockingWorkloads workloads = new BlockingWorkloads(forks, URI.create("http://127.0.0.1:" + deadPort), Client.LEAN,
                     Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> workloads.fanOut(new Workload.FanOut(5, 0, 1)))
                    .isInstanceOf(IOException.class).hasMessageContaining("cannot connect to");
        }
    }

    /*
     * Six fan-outs of five 100 ms calls, all in flight, on a pool of two platform threads: both threads
     * are tasks waiting for their forks, and no thread is left to start a fork. Each task runs its own
     * unstarted forks itself, so nothing starves; but two threads hold at most two waits at a time, so
     * the 30 calls need at least 30 x 100 ms / 2 = 1.5 s. A virtual thread per call holds them all at once.
     */
    @Test
    void aFullPlatformPoolRunsItsFanOutsWithoutStarvingButHoldsTheirWaits() {
        Workload fanOut = new Workload.FanOut(5, 100, 10);
        try (Backend backend = Backend.start("127.0.0.1", 0, 1)) {
            try (ExecutionModel platform = ThreadModel.platform(2, backend.uri(), Client.LEAN, Duration.ofSeconds(10))) {
                Experiment.Outcome outcome = Experiment.run(platform, fanOut, 6, 6, Experiment.Progress.NONE);
                assertThat(outcome.errors()).isZero();
                assertThat(outcome.checksum()).isEqualTo(6 * 5 * 10);
                assertThat(outcome.wallNanos()).isBetween(TimeUnit.MILLISECONDS.toNanos(1_500), TimeUnit.SECONDS.toNanos(10));
            }
            try (ExecutionModel virtual = ThreadModel.virtual(backend.uri(), Client.LEAN, Duration.ofSeconds(10))) {
                Experiment.Outcome outcome = Experiment.run(virtual, fanOut, 6, 6, Experiment.Progress.NONE);
                assertThat(outcome.errors()).isZero();
                assertThat(outcome.checksum()).isEqualTo(6 * 5 * 10);
                assertThat(outcome.wallNanos()).isLessThan(TimeUnit.MILLISECONDS.toNanos(1_400));
            }
        }
    }
}
