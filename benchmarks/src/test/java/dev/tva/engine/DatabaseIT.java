package dev.tva.engine;

import dev.tva.workloads.Client;
import dev.tva.workloads.Database;
import dev.tva.workloads.DbQuery;
import dev.tva.workloads.DbSettings;
import dev.tva.workloads.ExecutionModel;
import dev.tva.workloads.Experiment;
import dev.tva.workloads.Model;
import dev.tva.workloads.Workload;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The db workload against the real PostgreSQL: same rows on every model, pool limits that fail cleanly. */
class DatabaseIT {
    private static DbSettings base;

    @BeforeAll
    static void database() {
        base = TestDatabase.settings().withLeakDetection(Duration.ofSeconds(5));
        try (Database db = Database.open(base)) {
            db.ensureSchema();
        }
    }

    private static Experiment.Outcome run(Model model, DbSettings settings, Workload workload, int tasks, int concurrency) {
        try (Database db = Database.open(settings);
             ExecutionModel execution = new ModelSpec(model, 16, 2).create(null, Client.LEAN, Duration.ofSeconds(10), db)) {
            return Experiment.run(execution, workload, tasks, concurrency, Experiment.Progress.NONE);
        }
    }

    @ParameterizedTest
    @EnumSource(Model.class)
    void everyModelReadsTheSameRowsAndTheRowsTheSeedingRuleSays(Model model) {
        long expected = 0;
        for (int task = 0; task < 2_000; task++) {
            expected += Database.expectedRead(task);
        }

        Experiment.Outcome outcome = run(model, base.withPool(8), new Workload.Db(0, DbQuery.READ, 0), 2_000, 32);

        assertThat(outcome.errors()).as(outcome.firstError()).isZero();
        assertThat(outcome.checksum()).isEqualTo(expected);
    }

    @Test
    void anExhaustedPoolFailsTasksWithACountedTimeoutInsteadOfHanging() {
        DbSettings tiny = base.withPool(2).withTimeouts(Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofSeconds(10));

        // 2 connections x 100 ms = 20 queries/s; 50 in flight wait ~2.5 s for a connection, far past 250 ms.
        Experiment.Outcome outcome = run(Model.VIRTUAL, tiny, new Workload.Db(100, DbQuery.SLEEP, 0), 200, 50);

        assertThat(outcome.completed()).isEqualTo(200);
        assertThat(outcome.errors()).isPositive();
        assertThat(outcome.firstError()).contains("Connection is not available");
        assertThat(outcome.wallNanos()).isLessThan(TimeUnit.SECONDS.toNanos(60));
    }

    @Test
    void aBulkheadInFrontOfThePoolRemovesThoseTimeoutsAtTheSameLoad() {
        DbSettings guarded = base.withPool(2).withBulkhead(2)
                .withTimeouts(Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofSeconds(10));

        Experiment.Outcome outcome = run(Model.VIRTUAL, guarded, new Workload.Db(100, DbQuery.SLEEP, 0), 200, 50);

        assertThat(outcome.errors()).as(outcome.firstError()).isZero();
        assertThat(outcome.completed()).isEqualTo(200);
    }

    @Test
    void aQueryLongerThanTheStatementTimeoutIsCancelledAndReported() {
        DbSettings strict = base.withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofSeconds(10));

        Experiment.Outcome outcome = run(Model.VIRTUAL, strict, new Workload.Db(3_000, DbQuery.SLEEP, 0), 2, 2);

        assertThat(outcome.errors()).isEqualTo(2);
        assertThat(outcome.firstError()).contains("statement timeout");
        assertThat(outcome.latencyMicros().getMaxValue()).isLessThan(2_000_000);
    }

    @Test
    void theEventLoopHandsJdbcToItsOffloadPoolAndStillGetsEveryAnswer() {
        Experiment.Outcome outcome = run(Model.EVENT_LOOP, base.withPool(4), new Workload.Db(5, DbQuery.SLEEP, 0), 200, 50);

        assertThat(outcome.errors()).as(outcome.firstError()).isZero();
        assertThat(outcome.checksum()).isEqualTo(200);
    }

    /** A class whose initializer blocks: a virtual thread running it is pinned on every JDK (the control). */
    private static final class SlowToInitialize {
        static {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static void touch() {
        }
    }

    @Test
    void jfrSeesNoPinnedVirtualThreadDuringTheDbRunButDoesSeeAKnownPin() throws Exception {
        AtomicInteger pinned = new AtomicInteger();
        try (RecordingStream jfr = new RecordingStream()) {
            jfr.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ofMillis(1)).withStackTrace();
            jfr.onEvent("jdk.VirtualThreadPinned", e -> pinned.incrementAndGet());
            jfr.startAsync();

            Experiment.Outcome outcome = run(Model.VIRTUAL, base.withPool(10), new Workload.Db(5, DbQuery.SLEEP, 0), 1_000, 200);
            assertThat(outcome.errors()).as(outcome.firstError()).isZero();
            jfr.stop();
            assertThat(pinned.get()).as("pinned virtual threads during the db run").isZero();
        }
        // The control: the same recording does catch a pin, so the zero above means something.
        try (RecordingStream jfr = new RecordingStream()) {
            jfr.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ofMillis(1));
            jfr.onEvent("jdk.VirtualThreadPinned", e -> pinned.incrementAndGet());
            jfr.startAsync();
            Thread.ofVirtual().start(SlowToInitialize::touch).join();
            jfr.stop();
        }
        assertThat(pinned.get()).as("pins seen in the control").isPositive();
    }

    @Test
    void theLabKeepsToItsOwnSchemaAndLeavesOtherTablesAlone() throws Exception {
        try (Connection c = DriverManager.getConnection(base.url(), base.user(), base.password());
             Statement s = c.createStatement()) {
            s.execute("create table if not exists public.lab_neighbour (x int)");
            s.execute("truncate public.lab_neighbour");
            s.execute("insert into public.lab_neighbour values (42)");

            try (Database db = Database.open(base)) {
                db.ensureSchema();
            }

            try (ResultSet rs = s.executeQuery("select x from public.lab_neighbour")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
            try (ResultSet rs = s.executeQuery("select count(*) from " + Database.SCHEMA + ".items")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(Database.ITEMS);
            }
            s.execute("drop table public.lab_neighbour");
        }
    }
}
