package dev.tva.engine;

import dev.tva.workloads.DbSettings;
import dev.tva.workloads.Experiment;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.util.Map;
import java.util.Optional;

/**
 * Where the {@code db} workload's PostgreSQL comes from, in this order: {@code LAB_JDBC_URL} (with
 * {@code LAB_JDBC_USER} and {@code LAB_JDBC_PASSWORD}); else a container started with Testcontainers
 * when a Docker engine is available; else nowhere, and the user is told in one line how to give one.
 */
public final class DatabaseSource implements AutoCloseable {
    public static final String URL = "LAB_JDBC_URL";
    public static final String USER = "LAB_JDBC_USER";
    public static final String PASSWORD = "LAB_JDBC_PASSWORD";
    public static final String HOW_TO = "set " + URL + " (with " + USER + " and " + PASSWORD
            + "), e.g. " + URL + "=jdbc:postgresql://127.0.0.1:5432/lab, or start a Docker engine so the lab can run PostgreSQL itself";
    private static final String IMAGE = "postgres:16-alpine";

    private final DbSettings settings;
    private final PostgreSQLContainer container;

    private DatabaseSource(DbSettings settings, PostgreSQLContainer container) {
        this.settings = settings;
        this.container = container;
    }

    /** The database named by {@code env}, or one in a new container; empty when there is neither. */
    public static Optional<DatabaseSource> find(Map<String, String> env) {
        String url = env.get(URL);
        if (url != null && !url.isBlank()) {
            return Optional.of(new DatabaseSource(DbSettings.of(url, env.getOrDefault(USER, "postgres"),
                    env.getOrDefault(PASSWORD, "")), null));
        }
        if (!dockerAvailable()) {
            return Optional.empty();
        }
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
        try {
            container.start();
        } catch (RuntimeException e) {
            container.close();
            throw new UserException(UserException.FAILED, "cannot start PostgreSQL (" + IMAGE + ") with Docker: "
                    + Experiment.describe(e) + "; instead, " + HOW_TO);
        }
        return Optional.of(new DatabaseSource(DbSettings.of(container.getJdbcUrl(), container.getUsername(),
                container.getPassword()), container));
    }

    /** Like {@link #find}, but a missing database is the user's to fix: one line, exit code 2. */
    public static DatabaseSource require(Map<String, String> env) {
        return find(env).orElseThrow(() -> new UserException(UserException.BAD_INPUT, "no database for the db workload: " + HOW_TO));
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public DbSettings settings() {
        return settings;
    }

    /** Where it came from, without the password. */
    public String describe() {
        return container == null ? settings.url() + " (from " + URL + ")" : settings.url() + " (a " + IMAGE + " container)";
    }

    @Override
    public void close() {
        if (container != null) {
            container.stop();
        }
    }
}
