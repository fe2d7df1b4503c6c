package dev.tva.workloads;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Semaphore;

/**
 * PostgreSQL through a HikariCP pool: the {@code db} workload's queries, run with blocking JDBC by
 * whichever thread calls {@link #query}. The lab keeps what it creates in its own schema,
 * {@value #SCHEMA}, and leaves other data alone.
 *
 * <p>The optional bulkhead is a semaphore in front of the pool: with it, tasks queue for a permit
 * instead of timing out in the pool's own wait ({@code connectionTimeout}).
 */
public final class Database implements DatabaseAccess, AutoCloseable {
    public static final String SCHEMA = "lab";
    /** Rows in {@code lab.items}; ids 1..ITEMS. */
    public static final int ITEMS = 100_000;
    /** Groups: row {@code id} is in group {@code id % GROUPS}, so each group has ITEMS / GROUPS rows. */
    public static final int GROUPS = 20_000;

    private static final String SLEEP_SQL = "select pg_sleep(?)";
    private static final String READ_SQL = "select id, price from " + SCHEMA + ".items where grp = ? order by id";

    private final DbSettings settings;
    private final HikariDataSource pool;
    private final Semaphore bulkhead;

    private Database(DbSettings settings, HikariDataSource pool) {
        this.settings = settings;
        this.pool = pool;
        this.bulkhead = settings.bulkhead() > 0 ? new Semaphore(settings.bulkhead(), true) : null;
    }

    /**
     * Opens the pool and checks that the database answers.
     *
     * @throws DatabaseException naming the URL (never the password) when it cannot connect
     */
    public static Database open(DbSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("lab-db");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(settings.poolSize());
        config.setConnectionTimeout(Math.max(250, settings.connectionTimeout().toMillis()));
        config.setInitializationFailTimeout(1);
        config.setLeakDetectionThreshold(settings.leakDetection().toMillis());
        // The driver: fail fast on a wrong address, give up on a silent socket, cancel long statements.
        config.addDataSourceProperty("connectTimeout", "5");
        config.addDataSourceProperty("socketTimeout", Long.toString(Math.max(1, settings.socketTimeout().toSeconds())));
        config.addDataSourceProperty("options", "-c statement_timeout=" + settings.statementTimeout().toMillis());
        config.addDataSourceProperty("ApplicationName", "threads-vs-async-lab");
        try {
            return new Database(settings, new HikariDataSource(config));
        } catch (RuntimeException e) {
            throw new DatabaseException("cannot connect to " + settings.url() + " as " + settings.user() + ": " + rootMessage(e), e);
        }
    }

    public DbSettings settings() {
        return settings;
    }

    /** An open database is its own access. */
    @Override
    public Database database() {
        return this;
    }

    /** Creates schema, table and index if missing, and seeds the table (deterministic) unless it is complete. */
    public void ensureSchema() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("select pg_advisory_lock(4242)"); // one seeding at a time
            try {
                s.execute("create schema if not exists " + SCHEMA);
                s.execute("create table if not exists " + SCHEMA + ".items (id bigint primary key, grp int not null, "
                        + "name text not null, price bigint not null)");
                s.execute("create index if not exists items_grp on " + SCHEMA + ".items (grp)");
                try (ResultSet rs = s.executeQuery("select count(*), coalesce(sum(price), 0) from " + SCHEMA + ".items")) {
                    rs.next();
                    if (rs.getLong(1) != ITEMS || rs.getLong(2) != expectedPriceSum()) {
                        s.execute("truncate " + SCHEMA + ".items");
                        s.execute("insert into " + SCHEMA + ".items select g, g % " + GROUPS + ", 'item-' || g, (g * 7919) % 100000 "
                                + "from generate_series(1, " + ITEMS + ") g");
                        s.execute("analyze " + SCHEMA + ".items");
                    }
                }
            } finally {
                s.execute("select pg_advisory_unlock(4242)");
            }
        } catch (SQLException e) {
            throw new DatabaseException("cannot prepare the lab's tables in " + settings.url() + ": " + e.getMessage(), e);
        }
    }

    /** Runs one {@code db} task with blocking JDBC on the calling thread; returns its checksum. */
    public long query(Workload.Db w) throws SQLException, InterruptedException {
        if (bulkhead == null) {
            return queryPool(w);
        }
        bulkhead.acquire();
        try {
            return queryPool(w);
        } finally {
            bulkhead.release();
        }
    }

    private long queryPool(Workload.Db w) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return switch (w.query()) {
                case SLEEP -> {
                    try (PreparedStatement ps = c.prepareStatement(SLEEP_SQL)) {
                        ps.setDouble(1, w.latencyMillis() / 1000.0);
                        ps.execute();
                        yield 1;
                    }
                }
                case READ -> {
                    try (PreparedStatement ps = c.prepareStatement(READ_SQL)) {
                        ps.setInt(1, group(w.seed()));
                        long checksum = 0;
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                checksum += rs.getLong(1) * 31 + rs.getLong(2);
                            }
                        }
                        yield checksum;
                    }
                }
            };
        }
    }

    /** The checksum a {@code read} task with {@code seed} must get: computed from the seeding rule, not the database. */
    public static long expectedRead(long seed) {
        int group = group(seed);
        long checksum = 0;
        for (long id = group == 0 ? GROUPS : group; id <= ITEMS; id += GROUPS) {
            checksum += id * 31 + (id * 7919) % 100_000;
        }
        return checksum;
    }

    private static int group(long seed) {
        return (int) Math.floorMod(seed, (long) GROUPS);
    }

    private static long expectedPriceSum() {
        long sum = 0;
        for (long id = 1; id <= ITEMS; id++) {
            sum += (id * 7919) % 100_000;
        }
        return sum;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().lines().findFirst().orElse("");
    }

    @Override
    public void close() {
        pool.close();
    }

    /** The database cannot be reached or prepared; the message names the URL, never the password. */
    public static final class DatabaseException extends RuntimeException {
        public DatabaseException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
