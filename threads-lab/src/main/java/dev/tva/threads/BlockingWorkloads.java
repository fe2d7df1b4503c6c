package dev.tva.threads;

import dev.tva.workloads.Client;
import dev.tva.workloads.CpuKernel;
import dev.tva.workloads.DatabaseAccess;
import dev.tva.workloads.Workload;

import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The workloads written the plain way: each method blocks its thread until the work is done and
 * returns the result. {@code AsyncWorkloads} in async-lab is the same file with futures; diff them.
 *
 * <p>On a platform thread a blocking call holds an OS thread for its whole wait; on a virtual thread it
 * unmounts, and the carrier runs another virtual thread meanwhile. The code is the same.
 */
public final class BlockingWorkloads implements AutoCloseable {
    private final Executor forks;
    private final BlockingClient client;
    private final DatabaseAccess database;

    /**
     * Workloads whose fan-outs fork onto {@code forks} (the model's own executor), calling {@code backend}
     * ({@code null} when no task calls it) with the {@code client} kind of client, a call failing after {@code timeout}.
     */
    public BlockingWorkloads(Executor forks, URI backend, Client client, Duration timeout) {
        this(forks, backend, client, timeout, null);
    }

    /** Also queries {@code database} ({@code null} when no task does): JDBC blocks, like everything here. */
    public BlockingWorkloads(Executor forks, URI backend, Client client, Duration timeout, DatabaseAccess database) {
        this.forks = forks;
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
            case Workload.FanOut w -> fanOut(w);
            case Workload.Db w -> db(w);
        };
    }

    /** Waits on a timer: the thread sleeps. */
    public long sleep(Workload.Sleep w) throws InterruptedException {
        Thread.sleep(w.latencyMillis());
        return 0;
    }

    /** Calls the backend: the thread blocks reading the socket until the whole answer is in. */
    public long http(Workload.Http w) throws IOException {
        if (client == null) {
            throw new IllegalStateException("no backend configured for http work");
        }
        return client.get(w);
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

    /**
     * Calls the backend {@code calls} times at once and adds up the bytes of the answers: each call is
     * forked onto the model's executor, and the thread waits for them all. The first failure cancels the
     * other calls (interrupting their threads) and fails the fan-out as it was.
     */
    public long fanOut(Workload.FanOut w) throws IOException, InterruptedException {
        Forks calls = new Forks(forks);
        for (int i = 0; i < w.calls(); i++) {
            calls.fork(() -> http(w.call()));
        }
        return calls.sum();
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
