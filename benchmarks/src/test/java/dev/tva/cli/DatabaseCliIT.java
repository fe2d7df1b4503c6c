package dev.tva.cli;

import dev.tva.engine.DatabaseSource;
import dev.tva.engine.TestDatabase;
import dev.tva.workloads.DbSettings;
import dev.tva.workloads.Results;
import dev.tva.workloads.RunResult;
import dev.tva.workloads.WorkloadType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** `lab run --workload db` and `lab db-sweep` as a user runs them: a JVM of their own, configured by environment. */
class DatabaseCliIT {

    record Ran(int exit, String out, String err) {
    }

    /** Runs the CLI in a new JVM with exactly these LAB_JDBC_* variables. */
    private static Ran lab(Map<String, String> jdbc, String... args) throws IOException, InterruptedException {
        // The same java and flags as this JVM (the ones ./lab passes, e.g. --enable-native-access).
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Lab.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("LAB_JDBC_"));
        builder.environment().putAll(jdbc);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Ran(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static Map<String, String> env(DbSettings s, String password) {
        return Map.of(DatabaseSource.URL, s.url(), DatabaseSource.USER, s.user(), DatabaseSource.PASSWORD, password);
    }

    @Test
    void aDbRunPrintsThePoolBoundAndWritesItsResult(@TempDir Path dir) throws Exception {
        DbSettings db = TestDatabase.settings();
        Path json = dir.resolve("db.json");

        Ran ran = lab(env(db, db.password()), "run", "--model", "virtual", "--workload", "db", "--latency", "10ms",
                "--tasks", "300", "--concurrency", "100", "--pool", "5", "--warmup", "0", "--json", json.toString());

        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("5 connections (pool 5) / 10 ms").doesNotContain(db.password().isEmpty() ? "\u0000" : "password");
        RunResult result = Results.read(json);
        assertThat(result.workload()).isEqualTo(WorkloadType.DB);
        assertThat(result.boundPerSec()).isEqualTo(500.0);
        assertThat(result.dbPool()).isEqualTo(5);
        assertThat(result.errors()).isZero();
    }

    @Test
    void aWrongPasswordIsOneLineNamingTheUrlButNeverThePassword() throws Exception {
        DbSettings db = TestDatabase.settings();

        Ran ran = lab(env(db, "not-the-Pa55word"), "run", "--model", "virtual", "--workload", "db", "--tasks", "10", "--warmup", "0");

        assertThat(ran.exit()).isEqualTo(2);
        assertThat(ran.err().lines()).hasSize(1);
        assertThat(ran.err()).contains("cannot connect to " + db.url()).doesNotContain("not-the-Pa55word").doesNotContain("\tat ");
    }

    @Test
    void aDatabaseThatIsDownIsOneLineAndExitCodeTwo() throws Exception {
        DbSettings db = TestDatabase.settings();
        Map<String, String> down = Map.of(DatabaseSource.URL, "jdbc:postgresql://127.0.0.1:1/lab",
                DatabaseSource.USER, db.user(), DatabaseSource.PASSWORD, db.password());

        Ran ran = lab(down, "db-sweep", "--pools", "2", "--concurrency", "2", "--tasks", "10");

        assertThat(ran.exit()).isEqualTo(2);
        assertThat(ran.err().lines()).hasSize(1);
        assertThat(ran.err()).contains("cannot connect to jdbc:postgresql://127.0.0.1:1/lab");
    }

    @Test
    void withoutADatabaseTheCliSaysHowToGiveOne() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(
                org.testcontainers.DockerClientFactory.instance().isDockerAvailable(), "Docker is here: the lab would start a container");

        Ran ran = lab(Map.of(), "run", "--model", "virtual", "--workload", "db", "--tasks", "10");

        assertThat(ran.exit()).isEqualTo(2);
        assertThat(ran.err().lines()).hasSize(1);
        assertThat(ran.err()).contains("no database for the db workload: set LAB_JDBC_URL");
    }

    @Test
    void theSweepPrintsEveryCellBesideItsBound(@TempDir Path dir) throws Exception {
        DbSettings db = TestDatabase.settings();
        Path json = dir.resolve("sweep.json");

        Ran ran = lab(env(db, db.password()), "db-sweep", "--pools", "2,4", "--concurrency", "1,8", "--latency", "10ms",
                "--tasks", "100", "--warmup", "0", "--json", json.toString());

        assertThat(ran.exit()).as(ran.err()).isZero();
        List<RunResult> cells = Results.readAll(json);
        assertThat(cells).hasSize(4);
        // min(in flight, pool) / 10 ms for (2,1), (2,8), (4,1), (4,8)
        assertThat(cells).extracting(RunResult::boundPerSec).containsExactly(100.0, 200.0, 100.0, 400.0);
        assertThat(ran.out()).contains("What to notice:");
    }
}
