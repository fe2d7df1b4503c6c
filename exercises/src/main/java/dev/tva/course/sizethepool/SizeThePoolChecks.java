package dev.tva.course.sizethepool;

import dev.tva.course.Check;
import dev.tva.course.Check.Seen;
import dev.tva.course.CheckSuite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Size-the-pool's checks: the thread pool keeps up (measured), it follows Little's law and is not absurdly large, and so does the connection pool (measured). */
public final class SizeThePoolChecks implements CheckSuite<PoolSizer> {
    /** A pool at most this many times Little's number is accepted; more is threads (or connections) that only wait for work. */
    static final int MAX_FACTOR = 4;
    /** Rates and latencies the law is checked at, from 5 to 1,000 tasks in flight. */
    static final List<Point> POINTS = List.of(new Point(500, Duration.ofMillis(20)), new Point(100, Duration.ofMillis(50)),
            new Point(2_000, Duration.ofMillis(100)), new Point(50, Duration.ofSeconds(1)), new Point(1_000, Duration.ofMillis(250)),
            new Point(4_000, Duration.ofMillis(250)));

    /** A rate of waiting tasks and how long each waits; {@link #inFlight} is Little's number. */
    record Point(double ratePerSec, Duration latency) {
        double inFlight() {
            return ratePerSec * latency.toNanos() / 1e9;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,.0f/s x %,d ms", ratePerSec, latency.toMillis());
        }
    }

    @Override
    public Class<PoolSizer> contract() {
        return PoolSizer.class;
    }

    @Override
    public String studentClass() {
        return "StudentPoolSizer";
    }

    @Override
    public Duration checkTimeout() {
        return Duration.ofSeconds(30);
    }

    @Override
    public List<Check<PoolSizer>> checks() {
        return List.of(
                new Check<>(keepsUp("a pool of platformThreads", PoolRuns.THREADS, "", "blocking tasks"),
                        "size the pool by Little's law, threads = rate x latency (the tasks in flight), and add headroom (say half as"
                                + " many again) so that bursts do not queue", PoolRuns::threadsKeepUp),
                new Check<>("platformThreads follows Little's law: at least rate x latency threads, at every rate and latency",
                        "compute the size from both arguments, rate per second x latency in seconds, rounded up, then the headroom:"
                                + " a constant fits one load only", sizer -> atLeastLittle(sizer, POINTS)),
                new Check<>("platformThreads is not absurdly large: at most " + MAX_FACTOR + " x rate x latency threads",
                        "keep the headroom in proportion (a factor such as 1.5, or a few threads more), not thousands of threads"
                                + " to be safe", sizer -> atMostFactor(sizer, POINTS)),
                new Check<>(keepsUp("a connection pool of connections", PoolRuns.QUERIES, " on PostgreSQL", "queries") + ", with at most "
                        + MAX_FACTOR + " x Little's number of connections",
                        "connections follow the same law as threads: rate x query latency, rounded up, plus headroom", PoolRuns::connectionsKeepUp));
    }

    /** {@code a pool of platformThreads(200/s, 50 ms) keeps up: 200 blocking tasks/s answered, p99 under 75 ms}. */
    private static String keepsUp(String pool, Point target, String where, String tasks) {
        return String.format(Locale.ROOT, "%s(%,.0f/s, %,d ms) keeps up%s: %,.0f %s/s answered, p99 under %,.0f ms", pool, target.ratePerSec(),
                target.latency().toMillis(), where, target.ratePerSec(), tasks, PoolVerdict.P99_FACTOR * target.latency().toMillis());
    }

    /**
     * Silences HikariCP's warning for each connection broken when a run ends with queries still waiting (they are
     * interrupted); and without {@code LAB_JDBC_URL}, Testcontainers looks for Docker through JNA, which calls a restricted method.
     */
    @Override
    public List<String> jvmFlags() {
        return List.of("-Dorg.slf4j.simpleLogger.log.com.zaxxer.hikari.pool.ProxyConnection=error", "--enable-native-access=ALL-UNNAMED");
    }

    static Seen atLeastLittle(PoolSizer sizer, List<Point> points) {
        List<String> tooFew = new ArrayList<>();
        for (Point p : points) {
            int threads = sizer.platformThreads(p.ratePerSec(), p.latency());
            if (threads < Math.ceil(p.inFlight() - 1e-9)) {
                tooFew.add(String.format(Locale.ROOT, "%s: %,d threads for %,.0f tasks in flight", p, threads, p.inFlight()));
            }
        }
        if (tooFew.isEmpty()) {
            return Seen.held(String.format(Locale.ROOT, "at %d rates and latencies (%,.0f to %,.0f tasks in flight), never fewer threads"
                    + " than tasks in flight", points.size(), min(points), max(points)));
        }
        return Seen.missed(String.join("; ", tooFew.subList(0, Math.min(3, tooFew.size())))
                + (tooFew.size() > 3 ? String.format(Locale.ROOT, " (and %d more)", tooFew.size() - 3) : "")
                + ": a task that finds every thread busy waits in the queue, and when tasks keep arriving faster than the threads"
                + " finish them, the queue and every task's wait grow without end");
    }

    static Seen atMostFactor(PoolSizer sizer, List<Point> points) {
        List<String> over = new ArrayList<>();
        for (Point p : points) {
            int threads = sizer.platformThreads(p.ratePerSec(), p.latency());
            if (threads > MAX_FACTOR * Math.max(1, p.inFlight())) {
                over.add(String.format(Locale.ROOT, "%s: %,d threads where %,.0f are busy on average (at most %,.0f accepted)", p, threads,
                        p.inFlight(), MAX_FACTOR * Math.max(1, p.inFlight())));
            }
        }
        if (over.isEmpty()) {
            return Seen.held(String.format(Locale.ROOT, "at %d rates and latencies, never more than %d x the tasks in flight", points.size(), MAX_FACTOR));
        }
        return Seen.missed(String.join("; ", over.subList(0, Math.min(3, over.size())))
                + (over.size() > 3 ? String.format(Locale.ROOT, " (and %d more)", over.size() - 3) : "")
                + ": threads beyond the tasks in flight only wait for work, and each is an OS thread with its own stack (about 1 MB"
                + " reserved) that memory, start-up and the scheduler pay for; many more waits at once is what virtual threads are for");
    }

    private static double min(List<Point> points) {
        return points.stream().mapToDouble(Point::inFlight).min().orElse(0);
    }

    private static double max(List<Point> points) {
        return points.stream().mapToDouble(Point::inFlight).max().orElse(0);
    }
}
