package dev.tva.async;

import dev.tva.workloads.Backend;
import dev.tva.workloads.Client;
import dev.tva.workloads.CpuKernel;
import dev.tva.workloads.ExecutionModel;
import dev.tva.workloads.Experiment;
import dev.tva.workloads.Workload;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Event loops run the non-blocking twin of the workloads; every task stays on a loop thread. */
class EventLoopModelIT {

    /** Names of the threads that completed each task (callbacks registered before completion run there). */
    private static Set<String> threadsThatCompleted(ExecutionModel model, Workload workload, int tasks) {
        Set<String> names = ConcurrentHashMap.newKeySet();
        CompletableFuture<?>[] all = new CompletableFuture<?>[tasks];
        for (int i = 0; i < tasks; i++) {
            all[i] = model.start(workload).toCompletableFuture().thenRun(() -> names.add(Thread.currentThread().getName()));
        }
        CompletableFuture.allOf(all).orTimeout(30, TimeUnit.SECONDS).join();
        return names;
    }

    @Test
    void tasksRunOnTheLoopsThemselvesAndNoOtherThreads() {
        try (ExecutionModel model = new EventLoopModel(2, null, Client.LEAN, Duration.ofSeconds(5))) {
            Set<String> names = threadsThatCompleted(model, new Workload.Sleep(100), 100);
            assertThat(names).hasSize(2).allMatch(n -> n.startsWith("event-loop-"));
        }
    }

    @Test
    void cpuWorkRunsOnTheLoopAndHoldsUpEverythingElseOnIt() {
        int units = (int) (300e6 / CpuKernel.nanosPerUnit(100)); // about 300 ms of CPU
        try (ExecutionModel model = new EventLoopModel(1, null, Client.LEAN, Duration.ofSeconds(5))) {
            long start = System.nanoTime();
            CompletableFuture<Long> cpu = model.start(new Workload.Cpu(units, 1)).toCompletableFuture();
            CompletableFuture<Long> timer = model.start(new Workload.Sleep(10)).toCompletableFuture();
            timer.join();
            long timerMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(cpu.join()).isEqualTo(CpuKernel.run(units, 1));
            // a 10 ms timer on the same loop fires only after the ~300 ms computation let go of the loop
            assertThat(timerMillis).isGreaterThanOrEqualTo(150);
        }
    }

    @Test
    void thousandSleepsOverlapOnOneLoop() {
        try (ExecutionModel model = new EventLoopModel(1, null, Client.LEAN, Duration.ofSeconds(5))) {
            Experiment.Outcome outcome = Experiment.run(model, new Workload.Sleep(100), 1_000, 1_000, Experiment.Progress.NONE);
            assertThat(outcome.wallNanos()).isLessThan(TimeUnit.SECONDS.toNanos(5));
            assertThat(outcome.completed()).isEqualTo(1_000);
            assertThat(outcome.errors()).isZero();
        }
    }

    @Test
    void httpCallsTheBackendOverPooledConnectionsAndCountsTheBytes() {
        try (Backend backend = Backend.start("127.0.0.1", 0, 1);
             ExecutionModel model = new EventLoopModel(2, backend.uri(), Client.LEAN, Duration.ofSeconds(5))) {
            Experiment.Outcome outcome = Experiment.run(model, new Workload.Http(20, 321), 2_000, 100, Experiment.Progress.NONE);
            assertThat(outcome.errors()).isZero();
            assertThat(outcome.checksum()).isEqualTo(2_000L * 321);
            assertThat(outcome.latencyMicros().getMinValue()).isGreaterThanOrEqualTo(20_000);
        }
    }

    @Test
    void aFanOutSendsItsCallsAtOnceFromOneLoopAndAddsTheirBytes() {
        try (Backend backend = Backend.start("127.0.0.1", 0, 1);
             ExecutionModel model = new EventLoopModel(1, backend.uri(), Client.LEAN, Duration.ofSeconds(5))) {
            long start = System.nanoTime();
            long bytes = model.start(new Workload.FanOut(20, 300, 100)).toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
            assertThat(bytes).isEqualTo(20 * 100);
            // At once: about 300 ms. One after another would be 6 s.
            assertThat(System.nanoTime() - start).isBetween(TimeUnit.MILLISECONDS.toNanos(300), TimeUnit.MILLISECONDS.toNanos(2_000));
        }
    }

    @Test
    void anUnreachableBackendFailsTheTaskQuicklyInsteadOfHanging() {
        try (ExecutionModel model = new EventLoopModel(1, URI.create("http://127.0.0.1:1"), Client.LEAN, Duration.ofSeconds(2))) {
            Experiment.Outcome outcome = Experiment.run(model, new Workload.Http(0, 1), 5, 5, Experiment.Progress.NONE);
            assertThat(outcome.errors()).isEqualTo(5);
            assertThat(outcome.firstError()).contains("cannot connect to http://127.0.0.1:1");
            assertThat(outcome.wallNanos()).isLessThan(TimeUnit.SECONDS.toNanos(10));
        }
    }

    @Test
    void aBackendSlowerThanTheTimeoutFailsTheTask() {
        try (Backend backend = Backend.start("127.0.0.1", 0, 1);
             ExecutionModel model = new EventLoopModel(1, backend.uri(), Client.LEAN, Duration.ofMillis(300))) {
            Experiment.Outcome outcome = Experiment.run(model, new Workload.Http(5_000, 1), 2, 2, Experiment.Progress.NONE);
            assertThat(outcome.errors()).isEqualTo(2);
            assertThat(outcome.firstError()).startsWith("SocketTimeoutException: lean client: no answer from");
            assertThat(outcome.wallNanos()).isLessThan(TimeUnit.SECONDS.toNanos(4));
        }
    }
}
