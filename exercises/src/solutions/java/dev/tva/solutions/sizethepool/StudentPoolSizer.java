package dev.tva.solutions.sizethepool;

import dev.tva.course.sizethepool.PoolSizer;

import java.time.Duration;

/*
 * SOLUTION size-the-pool. Little's law gives the tasks (or queries) in flight on average: rate x time each takes. A
 * pool of exactly that many is busy all the time, and any burst or delay queues; half as many again absorbs them and
 * is still in proportion to the load. Threads and connections obey the same law.
 */

/** The reference sizer: Little's number, rounded up, with half as much again as headroom. */
public class StudentPoolSizer implements PoolSizer {
    private static final double HEADROOM = 1.5;

    @Override
    public int platformThreads(double ratePerSec, Duration latency) {
        return withHeadroom(inFlight(ratePerSec, latency));
    }

    @Override
    public int connections(double ratePerSec, Duration queryLatency) {
        return withHeadroom(inFlight(ratePerSec, queryLatency));
    }

    /** Little's law: L = lambda x W. */
    private static double inFlight(double ratePerSec, Duration latency) {
        return ratePerSec * latency.toNanos() / 1e9;
    }

    private static int withHeadroom(double inFlight) {
        return Math.max(1, (int) Math.ceil(inFlight * HEADROOM));
    }
}
