package dev.tva.threads;

import dev.tva.workloads.Backend;
import dev.tva.workloads.Client;
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

/** Platform and virtual threads run the same blocking code; only the executor differs. */
class ThreadModelIT {

    /** Names of the threads that completed each task (callbacks registered before completion run there). */
    private static Set<String> threadsThatRan(ExecutionModel model, Workload workload, int tasks) {
        Set<String> names = ConcurrentHashMap.newKeySet();
        CompletableFuture<?>[] all = new CompletableFuture<?>[tasks];
        for (int i = 0; i < tasks; i++) {
            all[i] = model.start(workload).toCompletableFuture()
                    .thenRun(() -> names.add((Thread.currentThread().isVirtual() ? "virtual:" : "platform:") + Thread.currentThread().getName()));
        }
        CompletableFuture.allOf(all).orTimeout(30, TimeUnit.SECONDS).join();
        return names;
    }

    @Test
    void platformTasksRunOnTheFixedPoolsPlatformThreads() {
        try (ExecutionModel model = ThreadModel.platform(4, null, Client.LEAN, Duration.ofSeconds(5))) {
            Set<String> names = threadsThatRan(model, new Workload.Sleep(100), 40);
            assertThat(names).hasSizeBetween(1, 4).allMatch(n -> n.startsWith("platform:platform-"));
        }
    }

    @Test
    void virtualTasksEachRunOnAVirtualThreadOfTheirOwn() {
        try (ExecutionModel model = ThreadModel.virtual(null, Client.LEAN, Duration.ofSeconds(5))) {
            Set<String> names = threadsThatRan(model, new Workload.Sleep(100), 40);
            assertThat(names).hasSize(40).allMatch(n -> n.startsWith("virtual:virtual-"));
        }
    }

    @Test
    void thousandSleepsOverlapOnVirtualThreadsButQueueOnTenPlatformThreads() {
        Workload sleep = new Workload.Sleep(100);
        try (ExecutionModel virtual = ThreadModel.virtual(null, Client.LEAN, Duration.ofSeconds(5))) {
            Experiment.Outcome outcome = Experiment.run(virtual, sleep, 1_000, 1_000, Experiment.Progress.NONE);
            // all 1,000 waits at once: about 100 ms; "well under 10 s" is the claim, 5 s the margin
            assertThat(outcome.wallNanos()).isLessThan(TimeUnit.SECONDS.toNanos(5));
            assertThat(outcome.errors()).isZero();
        }
        try (ExecutionModel platform = ThreadModel.platform(10, null, Client.LEAN, Duration.ofSeconds(5))) {
            Experiment.Outcome outcome = Experiment.run(platform, sleep, 1_000, 1_000, Experiment.Progress.NONE);
            // 10 threads hold 10 waits at a time: 100 rounds of 100 ms, no less than 10 s
            assertThat(outcome.wallNanos()).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(10));
            assertThat(outcome.completed()).isEqualTo(1_000);
        }
    }

    @Test
    void httpCallsTheBackendAndCountsTheBytes() {
        try (Backend backend = Backend.start("127.0.0.1", 0, 1);
             ExecutionModel model = ThreadModel.virtual(backend.uri(), Client.LEAN, Duration.ofSeconds(5))) {
            Experiment.Outcome outcome = Experiment.run(model, new Workload.Http(20, 123), 500, 100, Experiment.Progress.NONE);
            assertThat(outcome.errors()).isZero();
            assertThat(outcome.checksum()).isEqualTo(500L * 123);
            assertThat(outcome.latencyMicros().getMinValue()).isGreaterThanOrEqualTo(20_000);
        }
    }

    @Test
    void anUnreachableBackendFailsTheTaskQuicklyInsteadOfHanging() {
        try (ExecutionModel model = ThreadModel.virtual(URI.create("http://127.0.0.1:1"), Client.LEAN, Duration.ofSeconds(2))) {
            Experiment.Outcome outcome = Experiment.run(model, new Workload.Http(0, 1), 5, 5, Experiment.Progress.NONE);
            assertThat(outcome.errors()).isEqualTo(5);
            assertThat(outcome.firstError()).isNotBlank();
            assertThat(outcome.wallNanos()).isLessThan(TimeUnit.SECONDS.toNanos(10));
        }
    }

    @Test
    void aBackendSlowerThanTheTimeoutFailsTheTask() {
        try (Backend backend = Backend.start("127.0.0.1", 0, 1);
             ExecutionModel model = ThreadModel.virtual(backend.uri(), Client.LEAN, Duration.ofMillis(300))) {
            Experiment.Outcome outcome = Experiment.run(model, new Workload.Http(5_000, 1), 2, 2, Experiment.Progress.NONE);
            assertThat(outcome.errors()).isEqualTo(2);
            assertThat(outcome.wallNanos()).isLessThan(TimeUnit.SECONDS.toNanos(4));
        }
    }
}
