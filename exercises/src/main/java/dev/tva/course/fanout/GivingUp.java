package dev.tva.course.fanout;

import dev.tva.course.Check.Seen;
import dev.tva.course.Source;
import dev.tva.course.Thrown;
import dev.tva.course.fanout.FanOut.Call;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/*
 * The three ways a fan-out gives up, each measured on a backend of its own. A slow call (the service answers after
 * 5 s) against a deadline of 300 ms: total must throw TimeoutException at the deadline. A service that is down (its
 * port refuses the connection at once) among calls of 5 s: total must throw that failure at once. And after either,
 * within half a second: no call in flight on this side, no request the backend is still working on, no thread of the
 * student's still running. Giving up only stops the waiting; only cancelling stops the calls.
 */

/** The checks of fan-out-with-deadline that give up: the deadline, the first failure, and what is left running after them. */
final class GivingUp {
    static final Duration DEADLINE = Duration.ofMillis(300);
    static final long SLOW_MILLIS = 5_000;
    /** Five quick calls and one that answers long after the deadline. */
    static final List<Call> ONE_SLOW = List.of(new Call("prices", 50, 1_200), new Call("stock", 50, 80), new Call("reviews", SLOW_MILLIS, 3_500),
            new Call("shipping", 50, 250), new Call("offers", 50, 999), new Call("ratings", 50, 12));
    /** Five slow calls and, last, one to a service that is down. */
    static final String DOWN = "payments";
    static final List<Call> ONE_DOWN = List.of(new Call("prices", SLOW_MILLIS, 1_200), new Call("stock", SLOW_MILLIS, 80),
            new Call("reviews", SLOW_MILLIS, 3_500), new Call("shipping", SLOW_MILLIS, 250), new Call("offers", SLOW_MILLIS, 999),
            new Call(DOWN, 0, 1));
    static final Duration FAILURE_DEADLINE = Duration.ofSeconds(3);
    /** How late after the deadline (or after the failure) total may end. */
    static final Duration MARGIN = Duration.ofMillis(500);
    /** How long total is waited for before the check gives up on it. */
    static final Duration BOUND = Duration.ofMillis(1_300);
    /** How long after total ended everything must be back to nothing running. */
    static final Duration SETTLE = Duration.ofMillis(500);

    private GivingUp() {
    }

    static String deadlineClaim() {
        return String.format(Locale.ROOT, "at the deadline (%,d ms), total throws TimeoutException instead of waiting for a call of %,d ms",
                DEADLINE.toMillis(), SLOW_MILLIS);
    }

    static String failureClaim() {
        return String.format(Locale.ROOT, "when a call fails, total throws its failure at once (within %,d ms) instead of waiting for calls"
                + " of %,d ms", MARGIN.toMillis(), SLOW_MILLIS);
    }

    static Seen keepsTheDeadline(FanOut student) throws Exception {
        try (FanOutRun run = new FanOutRun(Set.of())) {
            FanOutRun.Ended ended = run.total(student, ONE_SLOW, DEADLINE, BOUND);
            String what = describe(ended, BOUND) + String.format(Locale.ROOT, "; target: TimeoutException between %,d and %,d ms", DEADLINE.toMillis(),
                    DEADLINE.plus(MARGIN).toMillis());
            if (ended.returned() && ended.threw(TimeoutException.class) && ended.millis() >= DEADLINE.toMillis() - 5
                    && ended.millis() <= DEADLINE.plus(MARGIN).toMillis()) {
                return Seen.held(what);
            }
            if (!ended.returned()) {
                return Seen.missed(what + String.format(Locale.ROOT, ": it was still waiting for the slow call, which answers after %,d ms;"
                        + " a deadline is kept only by code that stops waiting at it", SLOW_MILLIS));
            }
            return Seen.missed(what + (ended.thrown() == null ? ": a total without the slow call's answer is a wrong total" : ""));
        }
    }

    static Seen throwsTheFirstFailure(FanOut student) throws Exception {
        try (FanOutRun run = new FanOutRun(Set.of(DOWN))) {
            FanOutRun.Ended ended = run.total(student, ONE_DOWN, FAILURE_DEADLINE, BOUND);
            String what = describe(ended, BOUND) + String.format(Locale.ROOT, "; target: the ConnectException of the call to %s, within %,d ms",
                    DOWN, MARGIN.toMillis());
            if (ended.returned() && ended.threw(ConnectException.class) && ended.millis() <= MARGIN.toMillis()) {
                return Seen.held(what);
            }
            if (!ended.returned()) {
                return Seen.missed(what + (run.services().downAsked() == 0
                        ? String.format(Locale.ROOT, ": the call to %s was not even made yet, queued behind calls of %,d ms", DOWN, SLOW_MILLIS)
                        : String.format(Locale.ROOT, ": the call to %s failed at once, and the first failure decides the total; waiting for"
                        + " the other calls is waiting for answers nobody will use", DOWN)));
            }
            return Seen.missed(what + (ended.thrown() == null ? ": with a call failed there is no total" : ""));
        }
    }

    /** What one way of giving up left behind. */
    enum Aftermath { NOTHING_LEFT, LEFT_RUNNING, NEVER_GAVE_UP }

    /** An aftermath, and the counts in words. */
    record After(Aftermath aftermath, String what) {
    }

    static Seen leavesNothingRunning(FanOut student) throws Exception {
        List<After> afters = List.of(after(student, ONE_SLOW, DEADLINE, Set.of(), "the deadline"),
                after(student, ONE_DOWN, FAILURE_DEADLINE, Set.of(DOWN), "the failure"));
        String what = String.join("; ", afters.stream().map(After::what).toList());
        if (afters.stream().allMatch(a -> a.aftermath() == Aftermath.NOTHING_LEFT)) {
            return Seen.held(what);
        }
        return Seen.missed(what + (afters.stream().anyMatch(a -> a.aftermath() == Aftermath.NEVER_GAVE_UP)
                ? ": total never gave up, so what giving up leaves behind could not be seen; make it give up first (the checks above)"
                : ": giving up stopped your waiting, not the calls: each one left running holds a thread or a connection, and the"
                + " service's work, for an answer nobody will read"));
    }

    private static After after(FanOut student, List<Call> calls, Duration deadline, Set<String> down, String how) throws Exception {
        try (FanOutRun run = new FanOutRun(down)) {
            FanOutRun.Ended ended = run.total(student, calls, deadline, BOUND);
            if (!ended.returned()) {
                return new After(Aftermath.NEVER_GAVE_UP, String.format(Locale.ROOT, "after %s: total was still waiting %,d ms after the start",
                        how, BOUND.toMillis()));
            }
            FanOutRun.Left left = run.leftAfter(SETTLE, student.getClass().getPackageName());
            if (left.none()) {
                return new After(Aftermath.NOTHING_LEFT, String.format(Locale.ROOT, "after %s: nothing left running %,d ms after total ended",
                        how, left.afterMillis()));
            }
            return new After(Aftermath.LEFT_RUNNING, String.format(Locale.ROOT, "after %s, %,d ms after total ended: %d call%s still in flight"
                            + " here, %d request%s at the backend%s", how, left.afterMillis(), left.calls(), left.calls() == 1 ? "" : "s",
                    left.backendRequests(), left.backendRequests() == 1 ? "" : "s",
                    left.threads().isEmpty() ? "" : ", threads still alive: " + String.join(", ", left.threads())));
        }
    }

    /** {@code threw TimeoutException: ... after 304 ms}, {@code returned 6,041 after 80 ms}, or that it had not ended. */
    static String describe(FanOutRun.Ended ended, Duration bound) {
        if (!ended.returned()) {
            return String.format(Locale.ROOT, "total had not ended %,d ms after the start", bound.toMillis());
        }
        if (ended.thrown() == null) {
            return String.format(Locale.ROOT, "returned %,d after %,d ms", ended.total(), ended.millis());
        }
        Source whose = ended.thrown().getStackTrace().length > 0 && Arrays.stream(ended.thrown().getStackTrace())
                .anyMatch(frame -> frame.getClassName().startsWith(Source.SOLUTION.packageRoot() + ".")) ? Source.SOLUTION : Source.STUDENT;
        return String.format(Locale.ROOT, "threw %s after %,d ms", Thrown.describe(ended.thrown(), whose), ended.millis());
    }
}
