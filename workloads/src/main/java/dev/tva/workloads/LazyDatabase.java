package dev.tva.workloads;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A database a long-running server opens on first use and, while it cannot, tries again at most once per
 * {@link #RETRY_AFTER}. Once open, HikariCP replaces broken connections by itself, so a server recovers
 * when the database comes back, whether it was down at start-up or went down later.
 */
public final class LazyDatabase implements DatabaseAccess, AutoCloseable {
    /** After a failed open, calls fail at once with the same reason for this long. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final DbSettings settings;
    private final ReentrantLock opening = new ReentrantLock(); // not synchronized: never pin a virtual thread on JDK 21
    private volatile Database open;
    private volatile long retryAtNanos;
    private volatile String lastFailure;

    public LazyDatabase(DbSettings settings) {
        this.settings = settings;
    }

    public DbSettings settings() {
        return settings;
    }

    @Override
    public Database database() {
        Database db = open;
        if (db != null) {
            return db;
        }
        opening.lock();
        try {
            if (open != null) {
                return open;
            }
            if (lastFailure != null && System.nanoTime() - retryAtNanos < 0) {
                throw new Database.DatabaseException(lastFailure, null);
            }
            try {
                open = Database.open(settings);
                lastFailure = null;
                return open;
            } catch (Database.DatabaseException e) {
                lastFailure = e.getMessage();
                retryAtNanos = System.nanoTime() + RETRY_AFTER.toNanos();
                throw e;
            }
        } finally {
            opening.unlock();
        }
    }

    @Override
    public void close() {
        Database db = open;
        if (db != null) {
            db.close();
        }
    }
}
