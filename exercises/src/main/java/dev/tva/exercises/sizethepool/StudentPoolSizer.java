package dev.tva.exercises.sizethepool;

import dev.tva.course.sizethepool.PoolSizer;

import java.time.Duration;

/*
 * EXERCISE size-the-pool (lesson sleep, tutorial §2).
 *
 * A service gets 200 requests per second, and each one blocks its platform thread for 50 ms while it calls another
 * service. How many threads does its pool need? And how many connections does a pool need for 100 queries per second
 * that each take 100 ms? This sizer answers 4 to everything, so tasks queue and wait longer and longer.
 *
 * Your job: compute both sizes from their arguments by Little's law (tasks in flight = arrival rate x time each takes),
 * with some headroom, but not absurdly many. The checks run a real pool of your size at the target rate, on platform
 * threads, and on PostgreSQL when there is one (LAB_JDBC_URL). Check it (no rebuild needed):
 *
 *   ./lab exercise check size-the-pool
 */

/** The student's pool sizer: a fixed size, whatever the load. */
public class StudentPoolSizer implements PoolSizer {

    @Override
    public int platformThreads(double ratePerSec, Duration latency) {
        // TODO: Little's law: the tasks in flight are ratePerSec x latency (in seconds); add headroom.
        return 4;
    }

    @Override
    public int connections(double ratePerSec, Duration queryLatency) {
        // TODO: the same law for connections: each query holds its connection for queryLatency.
        return 4;
    }
}
