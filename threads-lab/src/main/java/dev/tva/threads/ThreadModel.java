package dev.tva.threads;

import dev.tva.workloads.ExecutionModel;
import dev.tva.workloads.Model;
import dev.tva.workloads.Workload;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link BlockingWorkloads} on an {@link ExecutorService}. {@code platform} and {@code virtual} are
 * this one class: the executor is the only difference, so the comparison is fair by construction.
 */
public final class ThreadModel implements ExecutionModel {
    private final Model model;
    private final ExecutorService executor;
    private final BlockingWorkloads workloads;
    private final int parallelism;
    private final String description;

    private ThreadModel(Model model, ExecutorService executor, BlockingWorkloads workloads, int parallelism,
                        String description) {
        this.model = model;
        this.executor = executor;
        this.workloads = workloads;
        this.parallelism = parallelism;
        this.description = description;
    }

    /** A fixed pool of {@code threads} platform threads named {@code platform-N}; extra tasks queue. */
    public static ThreadModel platform(int threads, BlockingWorkloads workloads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("platform-", 0).factory());
        return new ThreadModel(Model.PLATFORM, pool, workloads, threads, "platform pool of " + threads + " threads");
    }

    /** A new virtual thread named {@code virtual-N} for every task, on the JDK's carrier pool. */
    public static ThreadModel virtual(BlockingWorkloads workloads) {
        ExecutorService perTask = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("virtual-", 0).factory());
        int carriers = Integer.getInteger("jdk.virtualThreadScheduler.parallelism",
                Runtime.getRuntime().availableProcessors());
        return new ThreadModel(Model.VIRTUAL, perTask, workloads, carriers,
                "a virtual thread per task on " + carriers + " carrier threads");
    }

    @Override
    public Model model() {
        return model;
    }

    @Override
    public CompletionStage<Long> start(Workload workload) {
        CompletableFuture<Long> result = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                result.complete(workloads.run(workload));
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workloads.close();
    }
}
