package dev.tva.threads;

import dev.tva.workloads.Client;
import dev.tva.workloads.DatabaseAccess;
import dev.tva.workloads.ExecutionModel;
import dev.tva.workloads.Model;
import dev.tva.workloads.Workload;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link BlockingWorkloads} on an {@link ExecutorService}. {@code platform} and {@code virtual} are
 * this one class: the executor is the only difference, so the comparison is fair by construction.
 *
 * <p>The executor runs the tasks and also the calls a fan-out forks: a platform pool holds those waits
 * too, a virtual thread per call holds none ({@link Forks} keeps a full pool from starving itself).
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

    /**
     * A fixed pool of {@code threads} platform threads named {@code platform-N}; extra tasks queue. Tasks that
     * call {@code backend} do it with the {@code client} kind of client and fail after {@code timeout}.
     */
    public static ThreadModel platform(int threads, URI backend, Client client, Duration timeout) {
        return platform(threads, backend, client, timeout, null);
    }

    /** The same, also querying {@code database} ({@code null} when no task does). */
    public static ThreadModel platform(int threads, URI backend, Client client, Duration timeout, DatabaseAccess database) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("platform-", 0).factory());
        return new ThreadModel(Model.PLATFORM, pool, new BlockingWorkloads(pool, backend, client, timeout, database), threads,
                "platform pool of " + threads + " threads");
    }

    /** A new virtual thread named {@code virtual-N} for every task, on the JDK's carrier pool; the rest as for platform. */
    public static ThreadModel virtual(URI backend, Client client, Duration timeout) {
        return virtual(backend, client, timeout, null);
    }

    /** The same, also querying {@code database} ({@code null} when no task does). */
    public static ThreadModel virtual(URI backend, Client client, Duration timeout, DatabaseAccess database) {
        ExecutorService perTask = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("virtual-", 0).factory());
        int carriers = Integer.getInteger("jdk.virtualThreadScheduler.parallelism",
                Runtime.getRuntime().availableProcessors());
        return new ThreadModel(Model.VIRTUAL, perTask, new BlockingWorkloads(perTask, backend, client, timeout, database), carriers,
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
