package dev.tva.threads;

import dev.tva.workloads.Client;
import dev.tva.workloads.CpuKernel;
import dev.tva.workloads.DatabaseAccess;
import dev.tva.workloads.Workload;

import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The workloads written the plain way: each method blocks its thread until the work is done and
 * returns the result. {@code AsyncWorkloads} in async-lab is the same file with futures; diff them.
 *
 * <p>On a platform thread a blocking call holds an OS thread for its whole wait; on a virtual thread it
 * unmounts, and the carrier runs another virtual thread meanwhile. The code is the same.
 */
public final class BlockingWorkloads implements AutoCloseable {
    private final BlockingClient client;
    private final DatabaseAccess database;

    /** Workloads without a database (see the four-argument constructor). */
    public BlockingWorkloads(URI backend, Client client, Duration timeout) {
        this(backend, client, timeout, null);
    }

    /**
     * Calls {@code backend} (its base URI; {@code null} when no task calls it) with the {@code client} kind
     * of keep-alive HTTP/1.1 client, a call failing after {@code timeout}; queries {@code database}
     * ({@code null} when no task does).
     */
    public BlockingWorkloads(URI backend, Client client, Duration timeout, DatabaseAccess database) {
        this.client = backend == null ? null : BlockingClient.of(client, backend, timeout);
        this.database = database;
    }

    /** Runs one task: the only place that looks at which workload it is. */
    public long run(Workload workload) throws IOException, SQLException, InterruptedException {
        return switch (workload) {
            case Workload.Sleep w -> sleep(w);
            case Workload.Http w -> http(w);
            case Workload.Cpu w -> cpu(w);
            case Workload.Mixed w -> mixed(w);
            case Workload.Db w -> db(w);
        };
    }

    /** Waits on a timer: the thread sleeps. */
    public long sleep(Workload.Sleep w) throws InterruptedException {
        Thread.sleep(w.latencyMillis());
        return 0;
    }

    /** Calls the backend and waits for its answer: the thread blocks reading the socket. */
    public long http(Workload.Http w) throws IOException {
        if (client == null) {
            throw new IllegalStateException("no backend configured for http work");
        }
        return client.get(w);
    }

    /**
     * Makes {@code n} backend calls at once, one task each on {@code forks}, and waits for all of them: the
     * fork-join of blocking code. Returns the bytes of all answers; a failed call cancels the ones still
     * running and its exception is thrown as it was.
     */
    public long fanOut(int n, Workload.Http call, ExecutorService forks) throws IOException, InterruptedException {
        List<Future<Long>> calls = new ArrayList<>(n);
        try {
            for (int i = 0; i < n; i++) {
                calls.add(forks.submit(() -> http(call)));
            }
            long total = 0;
            for (Future<Long> each : calls) {
                total += each.get();
            }
            return total;
        } catch (ExecutionException e) {
            Throwable failure = e.getCause();  // http() throws IOException, or something unchecked
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw (Error) failure;
        } finally {
            calls.forEach(each -> each.cancel(true));
        }
    }

    /** Computes: the thread is busy the whole time, whatever the model. */
    public long cpu(Workload.Cpu w) {
        return CpuKernel.run(w.units(), w.seed());
    }

    /** Calls the backend, then computes on its answer. */
    public long mixed(Workload.Mixed w) throws IOException {
        long bytes = http(w.http());
        return cpu(w.cpu()) + bytes;
    }

    /** Queries the database: the thread blocks in JDBC (a virtual thread unmounts; the driver does not pin it). */
    public long db(Workload.Db w) throws SQLException, InterruptedException {
        if (database == null) {
            throw new IllegalStateException("no database configured for db work");
        }
        return database.database().query(w);
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
