package dev.tva.course.fanout;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/*
 * A fan-out with a deadline (lesson cancellation, §6): one request needs the answers of several services, asked at
 * once and combined. Two things end it early: the deadline (the caller will not wait longer) and the first failure (the
 * combination cannot be made any more). Either way, giving up only stops the waiting. Each call still running must be
 * cancelled too, or it goes on holding a thread, a connection and the service's work, for an answer nobody will read.
 * `./lab lesson cancellation` measures what each way of giving up leaves behind, on each model.
 */

/** Asks several services at once, with a deadline: the interface the student's {@code StudentFanOut} implements and the checks call. */
public interface FanOut {

    /**
     * Calls every one of {@code calls} at once through {@code services} and returns the sum of their answers, in about
     * the time of the slowest call. Any model will do: blocking calls on threads, or futures on the event loop.
     *
     * @throws TimeoutException when some answer is not in by {@code deadline} after the start; every call still running
     *                          is cancelled
     * @throws IOException      the first call that fails, as soon as it fails; every call still running is cancelled
     */
    long total(List<Call> calls, Duration deadline, Services services) throws IOException, InterruptedException, TimeoutException;

    /** One call: which service, and its question (the service answers {@code bytes} bytes after {@code latencyMillis}). */
    record Call(String service, long latencyMillis, int bytes) {
    }

    /** The services, reachable two ways: a blocking call, or a future completed on an event loop. */
    interface Services {

        /**
         * Asks {@code call}'s service and blocks the calling thread until the answer is in: its length in bytes.
         * Interrupting the thread cancels the call: it throws at once and its connection closes.
         */
        long call(Call call) throws IOException, InterruptedException;

        /**
         * Asks {@code call}'s service and returns at once; an event loop completes the future with the answer's length,
         * or with the call's failure. Completing the future yourself ({@code cancel}, {@code orTimeout}, ...) cancels the
         * call: its connection closes.
         */
        CompletableFuture<Long> callAsync(Call call);
    }
}
