package dev.tva.async;

import dev.tva.workloads.Client;
import dev.tva.workloads.CpuKernel;
import dev.tva.workloads.DatabaseAccess;
import dev.tva.workloads.Workload;
import io.netty.channel.EventLoop;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The workloads written for an event loop: {@code BlockingWorkloads} in threads-lab, method for
 * method, with {@code long} turned into {@code CompletableFuture<Long>}. Diff the two files.
 *
 * <p>Nothing here may block: a wait is a timer or a socket the loop watches, and the method returns at
 * once. CPU work is the exception that proves the rule: it runs ON the loop, and while it runs the loop
 * serves nothing else.
 */
public final class AsyncWorkloads implements AutoCloseable {
    private final EventLoop loop;
    private final AsyncClient client;
    private final DatabaseAccess database;
    private final Executor blockingOffload;

    /**
     * Workloads for one event loop ({@code loop}, where their fan-outs run too), calling {@code backend}
     * ({@code null} when no task calls it) with the {@code client} kind of client, a call failing after {@code timeout}.
     */
    public AsyncWorkloads(EventLoop loop, URI backend, Client client, Duration timeout) {
        this(loop, backend, client, timeout, null, null);
    }

    /** Also queries {@code database} ({@code null} when no task does): JDBC blocks, so it runs on {@code blockingOffload}. */
    public AsyncWorkloads(EventLoop loop, URI backend, Client client, Duration timeout, DatabaseAccess database,
                          Executor blockingOffload) {
        this.loop = loop;
        this.client = backend == null ? null : AsyncClient.of(client, loop, backend, timeout);
        this.database = database;
        this.blockingOffload = blockingOffload;
    }

    /** Runs one task: the only place that looks at which workload it is. */
    public CompletableFuture<Long> run(Workload workload) {
        return switch (workload) {
            case Workload.Sleep w -> sleep(w);
            case Workload.Http w -> http(w);
            case Workload.Cpu w -> cpu(w);
            case Workload.Mixed w -> mixed(w);
            case Workload.FanOut w -> fanOut(w);
            case Workload.Db w -> db(w);
        };
    }

    /** Waits on a timer: the loop schedules the completion and is free meanwhile. */
    public CompletableFuture<Long> sleep(Workload.Sleep w) {
        CompletableFuture<Long> done = new CompletableFuture<>();
        var timer = loop.schedule(() -> done.complete(0L), w.latencyMillis(), TimeUnit.MILLISECONDS);
        done.whenComplete((result, failure) -> timer.cancel(false));  // cancelled: the timer goes too
        return done;
    }

    /** Calls the backend: the request is written, and the loop completes the future when the whole answer is in. */
    public CompletableFuture<Long> http(Workload.Http w) {
        if (client == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no backend configured for http work"));
        }
        return client.get(w);
    }

    /** Computes: on the loop, which serves nothing else until this returns. */
    public CompletableFuture<Long> cpu(Workload.Cpu w) {
        return CompletableFuture.completedFuture(CpuKernel.run(w.units(), w.seed()));
    }

    /** Calls the backend, then computes on its answer (on the loop that received it); cancelled, it cancels the call. */
    public CompletableFuture<Long> mixed(Workload.Mixed w) {
        CompletableFuture<Long> call = http(w.http());
        CompletableFuture<Long> done = call.thenCompose(bytes -> cpu(w.cpu()).thenApply(checksum -> checksum + bytes));
        done.whenComplete((result, failure) -> {
            if (failure instanceof CancellationException) {
                call.cancel(true);
            }
        });
        return done;
    }

    /**
     * Calls the backend {@code calls} times at once and adds up the bytes of the answers: each request
     * goes out from this loop, and the loop completes the future with the last answer. The first failure
     * cancels the other calls (closing their connections) and fails the fan-out as it was.
     */
    public CompletableFuture<Long> fanOut(Workload.FanOut w) {
        Futures calls = new Futures();
        for (int i = 0; i < w.calls(); i++) {
            calls.add(http(w.call()));
        }
        return calls.sum();
    }

    /** Queries the database: JDBC blocks, so the query runs on the offload executor and the loop is handed the result. */
    public CompletableFuture<Long> db(Workload.Db w) {
        if (database == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no database configured for db work"));
        }
        CompletableFuture<Long> done = new CompletableFuture<>();
        blockingOffload.execute(() -> {
            try {
                long result = database.database().query(w);
                loop.execute(() -> done.complete(result));
            } catch (Throwable failure) {
                loop.execute(() -> done.completeExceptionally(failure));
            }
        });
        return done;
    }

    /** The loop these workloads run on. */
    public EventLoop loop() {
        return loop;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
