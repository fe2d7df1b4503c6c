package dev.tva.course.bulkhead;

import dev.tva.course.Check;
import dev.tva.course.Check.Seen;
import dev.tva.course.CheckDatabase;
import dev.tva.course.CheckSuite;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Bulkhead's checks, each on a crowd of 200 tasks and a pool of 5 connections on PostgreSQL: no query times out, the pool
 * stays busy, and first come, first served. Without a database each is skipped, saying how to provide one.
 */
public final class BulkheadChecks implements CheckSuite<Bulkhead> {
    static final int POOL = 5;
    static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(250);
    /** Throughput must be at least this share of the pool's bound. */
    static final double BOUND_SHARE = 0.9;
    /**
     * No query may spend longer than this share of the run in the guard and the pool. Served in turn, a task's query waits
     * for one round of all the tasks, about half the run; passed over, the last one waits about all of it.
     */
    static final double TURN_SHARE = 0.75;
    /** Queries each connection runs back to back to measure a query's time with the pool full, before the crowd and after it. */
    static final int CALIBRATION_QUERIES = 10;

    @Override
    public Class<Bulkhead> contract() {
        return Bulkhead.class;
    }

    @Override
    public String studentClass() {
        return "StudentBulkhead";
    }

    @Override
    public Duration checkTimeout() {
        return Duration.ofSeconds(25);
    }

    /** Without {@code LAB_JDBC_URL}, Testcontainers looks for Docker through JNA, which calls a restricted method. */
    @Override
    public List<String> jvmFlags() {
        return List.of("--enable-native-access=ALL-UNNAMED");
    }

    @Override
    public List<Check<Bulkhead>> checks() {
        return List.of(
                new Check<>(String.format(Locale.ROOT, "no query times out waiting for a connection: %d tasks at once, %d queries each, a pool of"
                                + " %d with a connection timeout of %,d ms", Crowd.TASKS, Crowd.QUERIES_PER_TASK, POOL, CONNECTION_TIMEOUT.toMillis()),
                        "let at most as many queries ask the pool at once as it has connections (a semaphore with that many permits,"
                                + " held for each query), so that the others wait in front of it, where no timeout ends the wait",
                        crowd(BulkheadChecks::noTimeouts)),
                new Check<>(String.format(Locale.ROOT, "the pool stays busy: queries answered per second within %.0f%% of its bound, %d connections"
                        + " / a query's time (%d ms and its costs, measured with the pool full before and after)", 100 * (1 - BOUND_SHARE), POOL,
                        Crowd.QUERY.latencyMillis()),
                        "give the bulkhead exactly as many permits as the pool has connections (database.settings().poolSize()), and"
                                + " hold a permit only for the query", crowd(BulkheadChecks::poolBusy)),
                new Check<>(String.format(Locale.ROOT, "first come, first served: no query waits much longer than its turn (with %d queries a"
                        + " task, one round of all the tasks: about half the run)", Crowd.QUERIES_PER_TASK),
                        "make the waiting fair: a fair semaphore (its constructor takes the choice) hands out permits in arrival order,"
                                + " while an unfair one lets a task that just released its permit take it again ahead of those waiting",
                        crowd(BulkheadChecks::firstComeFirstServed)));
    }

    /** Judges a crowd, knowing a query's time with the pool full. */
    @FunctionalInterface
    interface Judge {
        Seen judge(Crowd.Outcome crowd, double queryMillis);
    }

    /** Fills a fresh pool of {@link #POOL}, measures a query's time with all of it busy, runs the crowd through the student's guard, and judges it. */
    private static Check.Trial<Bulkhead> crowd(Judge judge) {
        return student -> CheckDatabase.run(settings -> settings.withPool(POOL)
                .withTimeouts(CONNECTION_TIMEOUT, Duration.ofSeconds(10), Duration.ofSeconds(30)), database -> {
            CheckDatabase.fill(database, POOL, 3_000);
            double before = CheckDatabase.busyQueryMillis(database, POOL, Crowd.QUERY, CALIBRATION_QUERIES);
            Crowd.Outcome crowd = Crowd.run(student.guard(database));
            double after = CheckDatabase.busyQueryMillis(database, POOL, Crowd.QUERY, CALIBRATION_QUERIES);
            return judge.judge(crowd, (before + after) / 2);
        });
    }

    /** The pool's bound, by Little's law: its connections / a query's time. */
    static double bound(double queryMillis) {
        return POOL * 1000.0 / queryMillis;
    }

    static Seen noTimeouts(Crowd.Outcome crowd, double queryMillis) {
        String what = String.format(Locale.ROOT, "%d of %d queries answered, %d timed out waiting for a connection%s, in %,d ms%s", crowd.answered(),
                crowd.asked(), crowd.timeouts(), others(crowd), crowd.millis(), stopped(crowd));
        if (crowd.timeouts() == 0 && crowd.answered() == crowd.asked() && crowd.finished()) {
            return Seen.held(what);
        }
        return Seen.missed(what + (crowd.timeouts() == 0 ? "" : String.format(Locale.ROOT, ": the %d tasks asked the pool of %d all at once, so the"
                + " queue formed inside the pool, where a wait ends at the connection timeout (%,d ms) and the tasks at its end failed;"
                + " virtual threads made the tasks cheap, not the connections", Crowd.TASKS, POOL, CONNECTION_TIMEOUT.toMillis())));
    }

    static Seen poolBusy(Crowd.Outcome crowd, double queryMillis) {
        String what = String.format(Locale.ROOT, "%,.0f queries/s answered (%d in %,d ms), %.0f%% of the bound %,.0f/s (%d connections / %.1f ms)%s",
                crowd.answeredPerSec(), crowd.answered(), crowd.millis(), 100 * crowd.answeredPerSec() / bound(queryMillis), bound(queryMillis),
                POOL, queryMillis, stopped(crowd));
        if (crowd.answeredPerSec() >= BOUND_SHARE * bound(queryMillis) && crowd.finished()) {
            return Seen.held(what);
        }
        return Seen.missed(what + (crowd.timeouts() > 0
                ? String.format(Locale.ROOT, ": %d queries timed out and were never answered", crowd.timeouts())
                : ": fewer queries ran at once than the pool has connections, so connections sat idle while tasks waited"));
    }

    static Seen firstComeFirstServed(Crowd.Outcome crowd, double queryMillis) {
        long most = Math.round(TURN_SHARE * crowd.millis());
        String what = String.format(Locale.ROOT, "the longest query took %,d ms from asking to its answer, %.0f%% of the run (%,d ms); target at"
                + " most %.0f%%, %,d ms%s", crowd.longestQueryMillis(), 100.0 * crowd.longestQueryMillis() / Math.max(1, crowd.millis()),
                crowd.millis(), 100 * TURN_SHARE, most, stopped(crowd));
        if (crowd.timeouts() > 0 || crowd.answered() < crowd.asked()) {
            return Seen.missed(what + String.format(Locale.ROOT, "; and %d queries were never served", crowd.asked() - crowd.answered()));
        }
        return crowd.longestQueryMillis() <= most && crowd.finished() ? Seen.held(what)
                : Seen.missed(what + ": some tasks were passed over again and again while others went ahead of them");
    }

    private static String others(Crowd.Outcome crowd) {
        return crowd.otherFailures() == 0 ? "" : String.format(Locale.ROOT, ", %d failed otherwise (the first: %s)", crowd.otherFailures(),
                crowd.firstOtherFailure());
    }

    private static String stopped(Crowd.Outcome crowd) {
        return crowd.finished() ? "" : String.format(Locale.ROOT, "; stopped after %,d s with queries still waiting", Crowd.BOUND.toSeconds());
    }
}
