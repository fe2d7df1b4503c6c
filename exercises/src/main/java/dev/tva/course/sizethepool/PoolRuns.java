package dev.tva.course.sizethepool;

import dev.tva.course.Check.Seen;
import dev.tva.course.CheckDatabase;
import dev.tva.threads.ThreadModel;
import dev.tva.workloads.Client;
import dev.tva.workloads.Database;
import dev.tva.workloads.DbQuery;
import dev.tva.workloads.ExecutionModel;
import dev.tva.workloads.Workload;

import java.time.Duration;
import java.util.Locale;

/*
 * The two measured checks. Each builds the pool of the student's size, sends it tasks at the target rate (open model:
 * a full pool does not slow the arrivals) for a short warm-up and then a measured window, and compares what was
 * answered, and the 99th percentile of the latency counted from each task's intended start, with the targets. The
 * threads' tasks sleep (a blocking wait holds a platform thread, like a call to another service); the queries run
 * pg_sleep on PostgreSQL, one virtual thread each, so that only the connections limit them.
 */

/** The measured checks of size-the-pool: a fixed pool of platform threads, and a HikariCP pool on PostgreSQL, each at its target rate. */
final class PoolRuns {
    static final SizeThePoolChecks.Point THREADS = new SizeThePoolChecks.Point(200, Duration.ofMillis(50));
    static final SizeThePoolChecks.Point QUERIES = new SizeThePoolChecks.Point(100, Duration.ofMillis(100));
    static final Duration WARMUP = Duration.ofMillis(500);
    static final Duration MEASURED = Duration.ofSeconds(2);
    static final Duration GRACE = Duration.ofMillis(200);
    /** A pool as large as this many times Little's number has no limit that matters: the control on a busy machine. */
    static final int UNLIMITED_FACTOR = 2;

    private PoolRuns() {
    }

    static Seen threadsKeepUp(PoolSizer sizer) {
        int threads = sizer.platformThreads(THREADS.ratePerSec(), THREADS.latency());
        if (threads < 1) {
            return Seen.missed(threads + " threads: a pool needs at least one");
        }
        Workload sleep = new Workload.Sleep(THREADS.latency().toMillis());
        return PoolVerdict.measure(THREADS, threads, "platform threads", "tasks",
                () -> run(ThreadModel.platform(threads, null, Client.LEAN, Duration.ofSeconds(5)), sleep, THREADS),
                () -> run(ThreadModel.virtual(null, Client.LEAN, Duration.ofSeconds(5)), sleep, THREADS), "a virtual thread per task");
    }

    static Seen connectionsKeepUp(PoolSizer sizer) throws Exception {
        int connections = sizer.connections(QUERIES.ratePerSec(), QUERIES.latency());
        double most = SizeThePoolChecks.MAX_FACTOR * QUERIES.inFlight();
        if (connections < 1 || connections > most) {
            return Seen.missed(String.format(Locale.ROOT, "%,d connections for %,.0f queries in flight (accepted: 1 to %,.0f)%s", connections,
                    QUERIES.inFlight(), most, connections < 1 ? "" : ": a connection is a PostgreSQL server process, and the server"
                            + " accepts only max_connections (100 by default) from every client together; connections beyond the queries"
                            + " in flight sit idle"));
        }
        Workload query = new Workload.Db(QUERIES.latency().toMillis(), DbQuery.SLEEP, 0);
        int unlimited = (int) Math.ceil(UNLIMITED_FACTOR * QUERIES.inFlight());
        return CheckDatabase.run(settings -> settings.withPool(connections)
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofSeconds(30)), database -> {
            CheckDatabase.fill(database, connections, 3_000);
            return PoolVerdict.measure(QUERIES, connections, "connections", "queries", () -> queries(database, query),
                    () -> {
                        try (Database control = Database.open(database.settings().withPool(unlimited))) {
                            CheckDatabase.fill(control, unlimited, 3_000);
                            return queries(control, query);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException("interrupted", e);
                        }
                    }, "a pool of " + unlimited + " connections");
        });
    }

    private static OpenLoad.Outcome queries(Database database, Workload query) {
        return run(ThreadModel.virtual(null, Client.LEAN, Duration.ofSeconds(10), database), query, QUERIES);
    }

    /** One open-model run on {@code model}, which is closed after it. */
    private static OpenLoad.Outcome run(ExecutionModel model, Workload task, SizeThePoolChecks.Point target) {
        try (model) {
            return OpenLoad.run(model, task, target.ratePerSec(), WARMUP, MEASURED, GRACE);
        }
    }
}
