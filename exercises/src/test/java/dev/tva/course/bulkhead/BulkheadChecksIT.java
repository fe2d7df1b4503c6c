package dev.tva.course.bulkhead;

import dev.tva.course.Check;
import dev.tva.course.Check.Seen;
import dev.tva.workloads.Database;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.Semaphore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The checks, run in this JVM on hand-made bulkheads against PostgreSQL: a fair semaphore of the pool's size passes each,
 * none times out in the pool, two permits fewer than connections leave two idle, and an unfair semaphore passes over waiting tasks. Skipped without a database unless
 * {@code LAB_REQUIRE_DB=1}.
 */
class BulkheadChecksIT {
    private static final List<Check<Bulkhead>> CHECKS = new BulkheadChecks().checks();

    /** A semaphore of {@code permits} (the pool's size when 0) in front of the pool, fair or not. */
    private static Bulkhead semaphore(int permits, boolean fair) {
        return database -> {
            Semaphore gate = new Semaphore(permits == 0 ? database.settings().poolSize() : permits, fair);
            return query -> {
                gate.acquire();
                try {
                    return database.query(query);
                } finally {
                    gate.release();
                }
            };
        };
    }

    private static Seen check(int index, Bulkhead bulkhead) throws Exception {
        Seen seen = CHECKS.get(index).trial().run(bulkhead);
        assumeFalse(seen.skipped(), seen.what());
        return seen;
    }

    @Test
    void aFairSemaphoreOfThePoolsSizePassesEveryCheck() throws Exception {
        for (int i = 0; i < CHECKS.size(); i++) {
            Seen seen = check(i, semaphore(0, true));
            assertThat(seen.held()).as(CHECKS.get(i).claim() + ": " + seen.what()).isTrue();
        }
    }

    @Test
    void threePermitsForFiveConnectionsLeaveTwoIdle() throws Exception {
        Seen busy = check(1, semaphore(3, true));

        assertThat(busy.held()).isFalse();
        assertThat(busy.what()).contains("connections sat idle");
    }

    @Test
    void noBulkheadTimesOutInThePool() throws Exception {
        Seen seen = check(0, database -> database::query);

        assertThat(seen.held()).isFalse();
        assertThat(seen.what()).containsPattern("[1-9][0-9]* timed out waiting for a connection").contains("the queue formed inside the pool");
    }

    @Test
    void anUnfairSemaphorePassesTasksOver() throws Exception {
        Seen seen = check(2, semaphore(0, false));

        assertThat(seen.held()).as(seen.what()).isFalse();
        assertThat(seen.what()).contains("passed over again and again");
    }
}
