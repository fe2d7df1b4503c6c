package dev.tva.course.bulkhead;

import dev.tva.workloads.DbQuery;
import dev.tva.workloads.Workload;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/*
 * The crowd: 200 tasks start at once, each on a virtual thread, and each runs two queries (select pg_sleep(25 ms))
 * through the student's guard, one after the other. Counted: the queries answered, those that timed out waiting for a
 * connection (HikariCP's SQLTransientConnectionException), any other failure, the time from the first start to the last
 * end, and the longest time one query spent in the guard and the pool (its wait for a connection, and its 25 ms).
 */

/** Many tasks at once, each running its queries through the student's guard: what was answered, what timed out, and how long it took. */
final class Crowd {
    static final int TASKS = 200;
    static final int QUERIES_PER_TASK = 2;
    static final Workload.Db QUERY = new Workload.Db(25, DbQuery.SLEEP, 0);
    /** How long the crowd is waited for before it is stopped (a guard that never lets a task through). */
    static final Duration BOUND = Duration.ofSeconds(10);

    private Crowd() {
    }

    /** What the crowd saw; {@code finished} is false when it was stopped at {@link #BOUND}. */
    record Outcome(int asked, int answered, int timeouts, int otherFailures, String firstOtherFailure, long millis, long longestQueryMillis,
                   boolean finished) {
        double answeredPerSec() {
            return millis == 0 ? 0 : answered * 1000.0 / millis;
        }
    }

    static Outcome run(Bulkhead.Queries queries) throws InterruptedException {
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger timeouts = new AtomicInteger();
        AtomicInteger others = new AtomicInteger();
        AtomicReference<String> firstOther = new AtomicReference<>();
        AtomicLong longestNanos = new AtomicLong();
        long start = System.nanoTime();
        ExecutorService perTask = Executors.newVirtualThreadPerTaskExecutor();
        for (int task = 0; task < TASKS; task++) {
            perTask.execute(() -> {
                for (int q = 0; q < QUERIES_PER_TASK; q++) {
                    long asked = System.nanoTime();
                    try {
                        queries.query(QUERY);
                        answered.incrementAndGet();
                        longestNanos.accumulateAndGet(System.nanoTime() - asked, Math::max);
                    } catch (SQLTransientConnectionException timedOut) {
                        timeouts.incrementAndGet();
                    } catch (Exception e) {
                        others.incrementAndGet();
                        firstOther.compareAndSet(null, e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                }
            });
        }
        perTask.shutdown();
        boolean finished = perTask.awaitTermination(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (!finished) {
            perTask.shutdownNow();
            perTask.awaitTermination(5, TimeUnit.SECONDS);
        }
        return new Outcome(TASKS * QUERIES_PER_TASK, answered.get(), timeouts.get(), others.get(), firstOther.get(), millis,
                longestNanos.get() / 1_000_000, finished);
    }
}
