package dev.tva.course.sizethepool;

import java.time.Duration;

/*
 * Little's law (lesson sleep, §2): in a steady state, the tasks in flight equal the rate they arrive at times the time
 * each one takes, L = λ × W. A platform thread is held for the whole of a blocking call, so tasks arriving at 500 per
 * second that each block for 20 ms keep 500 × 0.020 = 10 threads busy on average. With fewer threads the pool falls
 * behind and its queue grows for as long as the tasks keep coming; with a little more than that, the bursts of a real
 * arrival stream fit; with far more, the extra threads only sit there, each an OS thread with a stack of its own.
 * A connection pool obeys the same law: a query holds its connection for the query's time.
 */

/** Sizes pools by Little's law: the interface the student's {@code StudentPoolSizer} implements and the checks call. */
public interface PoolSizer {

    /**
     * How many platform threads a fixed pool needs to keep up with tasks that arrive at {@code ratePerSec}, each
     * blocking its thread for {@code latency} (a call to another service, standing for any blocking wait).
     */
    int platformThreads(double ratePerSec, Duration latency);

    /** How many connections a database pool needs for queries that arrive at {@code ratePerSec}, each holding its connection for {@code queryLatency}. */
    int connections(double ratePerSec, Duration queryLatency);
}
