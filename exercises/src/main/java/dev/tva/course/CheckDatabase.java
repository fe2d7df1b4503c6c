package dev.tva.course;

import dev.tva.workloads.Database;
import dev.tva.workloads.DbQuery;
import dev.tva.workloads.DbSettings;
import dev.tva.workloads.Workload;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/*
 * A check that measures a connection pool needs a real PostgreSQL. It comes from where the rest of the lab takes it:
 * LAB_JDBC_URL (with LAB_JDBC_USER and LAB_JDBC_PASSWORD), else a container that Testcontainers starts when a Docker
 * engine is there (and stops after the check), else nowhere. Then the check is SKIPPED, saying how to give it one,
 * and counts as not failed; except with LAB_REQUIRE_DB=1 (as in CI), where a missing database fails it.
 */

/** Runs a check's trial on a real PostgreSQL through a pool of the check's settings, or skips it saying how to provide one. */
public final class CheckDatabase {
    public static final String URL = "LAB_JDBC_URL";
    public static final String USER = "LAB_JDBC_USER";
    public static final String PASSWORD = "LAB_JDBC_PASSWORD";
    public static final String REQUIRE = "LAB_REQUIRE_DB";
    public static final String HOW_TO = "set " + URL + " (with " + USER + " and " + PASSWORD + "), e.g. " + URL
            + "=jdbc:postgresql://127.0.0.1:5432/lab, or start a Docker engine so the check can run PostgreSQL itself";
    private static final String IMAGE = "postgres:16-alpine";
    /** A query that holds its connection for this long, to see the pool's connections all open at once. */
    private static final long FILL_QUERY_MILLIS = 50;

    private CheckDatabase() {
    }

    /** The trial: runs the student's code on an open database and says what it saw. */
    @FunctionalInterface
    public interface Trial {
        Check.Seen run(Database database) throws Exception;
    }

    /**
     * Opens a pool with {@code settings} applied to the database found in the environment, runs {@code trial} on it and
     * closes it; without a database, a skipped result (a missed one with {@value #REQUIRE}=1).
     */
    public static Check.Seen run(UnaryOperator<DbSettings> settings, Trial trial) throws Exception {
        Map<String, String> env = System.getenv();
        String url = env.get(URL);
        if (url != null && !url.isBlank()) {
            return open(settings.apply(DbSettings.of(url, env.getOrDefault(USER, "postgres"), env.getOrDefault(PASSWORD, ""))), trial);
        }
        if (dockerAvailable()) {
            try (PostgreSQLContainer container = new PostgreSQLContainer(IMAGE)) {
                container.start();
                return open(settings.apply(DbSettings.of(container.getJdbcUrl(), container.getUsername(), container.getPassword())), trial);
            }
        }
        return "1".equals(env.get(REQUIRE))
                ? Check.Seen.missed("no database, and " + REQUIRE + "=1 requires one: " + HOW_TO)
                : Check.Seen.skipped("no database to measure on; to include this check, " + HOW_TO);
    }

    private static Check.Seen open(DbSettings settings, Trial trial) throws Exception {
        Database database;
        try {
            database = Database.open(settings);
        } catch (Database.DatabaseException e) {
            return Check.Seen.missed(e.getMessage());
        }
        try (database) {
            return trial.run(database);
        }
    }

    /**
     * Waits (at most {@code capMillis}) until the pool holds {@code connections} open connections, so that a measurement
     * does not time the pool opening them: that many queries at once, again, until a round takes about one query's time.
     */
    public static void fill(Database database, int connections, long capMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(capMillis);
        Workload.Db query = new Workload.Db(FILL_QUERY_MILLIS, DbQuery.SLEEP, 0);
        while (System.nanoTime() < end) {
            long nanos = round(database, connections, query);
            if (nanos >= 0 && nanos < TimeUnit.MILLISECONDS.toNanos(FILL_QUERY_MILLIS * 9 / 5)) {
                return;
            }
        }
    }

    /**
     * A query's time with the pool's {@code connections} all busy, on this machine now: {@code connections} threads each
     * run {@code perThread} queries back to back, and the time they take, divided by {@code perThread}, is what one query
     * holds a connection for when the pool is full. Beside the query's nominal time it holds the driver's, the pool's and
     * the database's own costs, and what a busy machine adds: {@code connections} / it is the most the pool can do now.
     */
    public static double busyQueryMillis(Database database, int connections, Workload.Db query, int perThread) throws InterruptedException {
        long start = System.nanoTime();
        try (ExecutorService perConnection = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < connections; i++) {
                perConnection.submit(() -> {
                    for (int q = 0; q < perThread; q++) {
                        database.query(query);
                    }
                    return null;
                });
            }
        }
        return (System.nanoTime() - start) / 1e6 / perThread;
    }

    /** Runs {@code connections} queries at once and returns how long they took in nanoseconds, or -1 when one failed. */
    private static long round(Database database, int connections, Workload.Db query) throws InterruptedException {
        long start = System.nanoTime();
        boolean failed = false;
        try (ExecutorService perQuery = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Long>> round = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                round.add(perQuery.submit(() -> database.query(query)));
            }
            for (Future<Long> one : round) {
                try {
                    one.get();
                } catch (ExecutionException e) {
                    failed = true;
                }
            }
        }
        return failed ? -1 : System.nanoTime() - start;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
