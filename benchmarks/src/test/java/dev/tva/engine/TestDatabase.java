package dev.tva.engine;

import dev.tva.workloads.DbSettings;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.util.Optional;

/**
 * The PostgreSQL the database tests use: {@code LAB_JDBC_URL} (as CI sets it), else a Testcontainers
 * container when Docker is there. Without either the tests are skipped with the reason, unless
 * {@code LAB_REQUIRE_DB=1}, which makes a missing database a failure.
 */
public final class TestDatabase {
    private static DatabaseSource source;

    private TestDatabase() {
    }

    public static synchronized DbSettings settings() {
        if (source == null) {
            Optional<DatabaseSource> found = DatabaseSource.find(System.getenv());
            if (found.isEmpty()) {
                String reason = "no database for the db tests: " + DatabaseSource.HOW_TO;
                if ("1".equals(System.getenv("LAB_REQUIRE_DB"))) {
                    Assertions.fail(reason + " (LAB_REQUIRE_DB=1 makes this a failure)");
                }
                Assumptions.abort(reason);
            }
            source = found.get();
            Runtime.getRuntime().addShutdownHook(new Thread(source::close));
        }
        return source.settings();
    }
}
