package dev.tva.workloads;

import java.time.Duration;

/**
 * How the lab reaches PostgreSQL and sizes its pool. Every timeout is set explicitly, so a stuck query
 * or an exhausted pool fails a task with a reason instead of hanging it.
 *
 * @param url               JDBC URL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/lab}
 * @param user              database user
 * @param password          never printed
 * @param poolSize          HikariCP {@code maximumPoolSize} (and {@code minimumIdle}: a fixed pool)
 * @param connectionTimeout longest wait for a pooled connection before the task fails
 * @param statementTimeout  PostgreSQL {@code statement_timeout}: a longer query is cancelled
 * @param socketTimeout     the driver gives up on a silent connection after this
 * @param bulkhead          at most this many tasks may ask the pool at once (0 = no bulkhead)
 * @param leakDetection     HikariCP warns about a connection held longer than this (zero = off)
 */
public record DbSettings(String url, String user, String password, int poolSize, Duration connectionTimeout,
                         Duration statementTimeout, Duration socketTimeout, int bulkhead, Duration leakDetection) {

    public static final int DEFAULT_POOL = 10;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(30);

    public DbSettings {
        Checks.range("poolSize", poolSize, 1, 1_000);
        Checks.range("bulkhead", bulkhead, 0, 100_000);
    }

    /** The lab's defaults for a database at {@code url}. */
    public static DbSettings of(String url, String user, String password) {
        return new DbSettings(url, user, password, DEFAULT_POOL, DEFAULT_CONNECTION_TIMEOUT,
                DEFAULT_STATEMENT_TIMEOUT, DEFAULT_SOCKET_TIMEOUT, 0, Duration.ZERO);
    }

    public DbSettings withPool(int size) {
        return new DbSettings(url, user, password, size, connectionTimeout, statementTimeout, socketTimeout, bulkhead, leakDetection);
    }

    public DbSettings withBulkhead(int permits) {
        return new DbSettings(url, user, password, poolSize, connectionTimeout, statementTimeout, socketTimeout, permits, leakDetection);
    }

    public DbSettings withTimeouts(Duration connection, Duration statement, Duration socket) {
        return new DbSettings(url, user, password, poolSize, connection, statement, socket, bulkhead, leakDetection);
    }

    public DbSettings withLeakDetection(Duration threshold) {
        return new DbSettings(url, user, password, poolSize, connectionTimeout, statementTimeout, socketTimeout, bulkhead, threshold);
    }

    /** User, pool and timeouts in words (no URL, never the password). */
    public String describePool() {
        return "user " + user + ", pool " + poolSize + (bulkhead > 0 ? ", bulkhead " + bulkhead : "")
                + ", connection timeout " + connectionTimeout.toMillis() + " ms, statement timeout "
                + statementTimeout.toMillis() + " ms";
    }

    /** The settings without the password, for printing. */
    @Override
    public String toString() {
        return url + ", " + describePool();
    }
}
