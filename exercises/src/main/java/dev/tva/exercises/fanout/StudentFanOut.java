package dev.tva.exercises.fanout;

import dev.tva.course.fanout.FanOut;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/*
 * EXERCISE fan-out-with-deadline (lesson cancellation, tutorial §6).
 *
 * A page needs the answers of six services, and its caller waits at most 300 ms. This fan-out asks them one after
 * another, waits for every answer however long it takes, and, when one service is down, only finds out once the calls
 * before it have answered.
 *
 * Your job: ask every service at once and add up their answers; at the deadline throw TimeoutException, and when a call
 * fails throw its failure at once; either way, cancel every call still running. Use the model you like: blocking
 * services.call on threads (interrupting a thread cancels its call), or services.callAsync futures on the event loop
 * (cancelling a future cancels its call). Check it (no rebuild needed):
 *
 *   ./lab exercise check fan-out-with-deadline
 */

/** The student's fan-out: one call after another, no deadline, nothing cancelled. */
public class StudentFanOut implements FanOut {

    @Override
    public long total(List<Call> calls, Duration deadline, Services services) throws IOException, InterruptedException {
        // TODO: call all at once; throw TimeoutException at the deadline and the first failure at once; cancel the rest.
        long total = 0;
        for (Call call : calls) {
            total += services.call(call);
        }
        return total;
    }
}
