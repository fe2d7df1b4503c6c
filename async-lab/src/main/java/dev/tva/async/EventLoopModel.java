package dev.tva.async;

import dev.tva.workloads.Client;
import dev.tva.workloads.Database;
import dev.tva.workloads.ExecutionModel;
import dev.tva.workloads.Model;
import dev.tva.workloads.Workload;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@link AsyncWorkloads} on Netty event loops ({@code event-loop-N-M} threads). Tasks are dealt to
 * the loops in turn; each task starts, waits and finishes on its loop.
 */
public final class EventLoopModel implements ExecutionModel {
    private final EventLoopGroup group;
    private final AsyncWorkloads[] perLoop;
    private final ExecutorService blockingOffload;
    private final AtomicInteger next = new AtomicInteger();

    /**
     * {@code loops} event loops; tasks that call {@code backend} do it with the {@code client} kind of
     * client, and fail after {@code timeout}.
     */
    public EventLoopModel(int loops, URI backend, Client client, Duration timeout) {
        this(loops, backend, client, timeout, null);
    }

    /**
     * Also runs {@code db} tasks on {@code database}: their blocking JDBC goes to a bounded executor of
     * as many {@code db-offload-N} threads as the pool has connections (more could only wait for one).
     */
    public EventLoopModel(int loops, URI backend, Client client, Duration timeout, Database database) {
        this.group = new MultiThreadIoEventLoopGroup(loops, new DefaultThreadFactory("event-loop"), NioIoHandler.newFactory());
        this.blockingOffload = database == null ? null : Executors.newFixedThreadPool(
                database.settings().poolSize(), Thread.ofPlatform().name("db-offload-", 0).factory());
        this.perLoop = new AsyncWorkloads[loops];
        for (int i = 0; i < loops; i++) {
            perLoop[i] = new AsyncWorkloads(group.next(), backend, client, timeout, database, blockingOffload);
        }
    }

    @Override
    public Model model() {
        return Model.EVENT_LOOP;
    }

    @Override
    public CompletionStage<Long> start(Workload workload) {
        AsyncWorkloads workloads = perLoop[Math.floorMod(next.getAndIncrement(), perLoop.length)];
        CompletableFuture<Long> result = new CompletableFuture<>();
        workloads.loop().execute(() -> {
            try {
                workloads.run(workload).whenComplete((value, failure) -> {
                    if (failure == null) {
                        result.complete(value);
                    } else {
                        result.completeExceptionally(failure);
                    }
                });
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    @Override
    public int parallelism() {
        return perLoop.length;
    }

    @Override
    public String describe() {
        return perLoop.length + (perLoop.length == 1 ? " event loop" : " event loops")
                + (blockingOffload == null ? "" : " and an offload pool for blocking JDBC");
    }

    @Override
    public void close() {
        for (AsyncWorkloads workloads : perLoop) {
            workloads.close();
        }
        if (blockingOffload != null) {
            blockingOffload.shutdownNow();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
