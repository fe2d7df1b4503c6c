package dev.tva.workloads;

/**
 * How workloads reach the database: a {@link Database} that is open, or one a server opens when it can
 * ({@link LazyDatabase}), so a server starts and answers 503 on {@code /db} while the database is down.
 */
public interface DatabaseAccess {

    /**
     * The open database.
     *
     * @throws Database.DatabaseException naming the URL (never the password) when it cannot be reached
     */
    Database database();

    /** No database configured: every call fails with {@code reason}, which says how to configure one. */
    static DatabaseAccess none(String reason) {
        return () -> {
            throw new Database.DatabaseException(reason, null);
        };
    }
}
