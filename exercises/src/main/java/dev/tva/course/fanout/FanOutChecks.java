package dev.tva.course.fanout;

import dev.tva.course.Check;
import dev.tva.course.Check.Seen;
import dev.tva.course.CheckSuite;
import dev.tva.course.fanout.FanOut.Call;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/** Fan-out-with-deadline's checks: the right total, the calls at once, the deadline kept, the first failure thrown at once, nothing left running. */
public final class FanOutChecks implements CheckSuite<FanOut> {
    /** Six services, each with its own latency and answer, so that only the sum of all six is right. */
    static final List<Call> SIX = List.of(new Call("prices", 20, 1_200), new Call("stock", 70, 80), new Call("reviews", 45, 3_500),
            new Call("shipping", 30, 250), new Call("offers", 60, 999), new Call("ratings", 35, 12));
    /** Eight calls of the same 100 ms: at once they take 100 ms, one after another 800 ms. */
    static final List<Call> EIGHT = IntStream.rangeClosed(1, 8).mapToObj(i -> new Call("service-" + i, 100, 100 + i)).toList();
    static final Duration GENEROUS = Duration.ofSeconds(2);
    /** The overlap is timed this many times and the best counts: one slow try on a busy machine does not fail it. */
    private static final int TRIES = 3;

    @Override
    public Class<FanOut> contract() {
        return FanOut.class;
    }

    @Override
    public String studentClass() {
        return "StudentFanOut";
    }

    @Override
    public Duration checkTimeout() {
        return Duration.ofSeconds(15);
    }

    @Override
    public List<Check<FanOut>> checks() {
        return List.of(
                new Check<>("total is the sum of every service's answer",
                        "add up the answer (the long) of every call, once all of them are in", FanOutChecks::sumOfAnswers),
                new Check<>("the calls run at once: " + EIGHT.size() + " calls of 100 ms take about 100 ms",
                        "start every call before you wait for any: a virtual thread per call (Executors.newVirtualThreadPerTaskExecutor),"
                                + " or services.callAsync for each", FanOutChecks::atOnce),
                new Check<>(GivingUp.deadlineClaim(),
                        "wait at most until the deadline (Future.get or BlockingQueue.poll with the time left, or orTimeout on a"
                                + " future), then throw TimeoutException", GivingUp::keepsTheDeadline),
                new Check<>(GivingUp.failureClaim(),
                        "take the calls as they finish, not in the order you started them (ExecutorCompletionService, or a future"
                                + " that fails when any call fails), and throw the first failure", GivingUp::throwsTheFirstFailure),
                new Check<>("after giving up (deadline or failure), no call is left running: none here, none at the backend, no"
                        + " thread of yours", "when you give up, cancel every call still running (Future.cancel(true) interrupts a"
                        + " blocking call; cancelling a callAsync future closes its connection), and close the executor you made",
                        GivingUp::leavesNothingRunning));
    }

    static Seen sumOfAnswers(FanOut student) throws Exception {
        long expected = SIX.stream().mapToLong(Call::bytes).sum();
        try (FanOutRun run = new FanOutRun(Set.of())) {
            FanOutRun.Ended ended = run.total(student, SIX, GENEROUS, GENEROUS.plusSeconds(1));
            String what = ended.returned() && ended.thrown() == null
                    ? String.format(Locale.ROOT, "total %,d, expected %,d (the sum of the %d answers)", ended.total(), expected, SIX.size())
                    : GivingUp.describe(ended, GENEROUS.plusSeconds(1)) + String.format(Locale.ROOT, ", expected %,d (no call fails, and the"
                    + " slowest answers after 70 ms; deadline %,d ms)", expected, GENEROUS.toMillis());
            return ended.total() != null && ended.total() == expected ? Seen.held(what) : Seen.missed(what);
        }
    }

    static Seen atOnce(FanOut student) throws Exception {
        long expected = EIGHT.stream().mapToLong(Call::bytes).sum();
        long longest = 100;
        long sum = longest * EIGHT.size();
        long target = (longest + sum) / 2;
        long best = Long.MAX_VALUE;
        try (FanOutRun run = new FanOutRun(Set.of())) {
            for (int i = 0; i < TRIES && best >= target; i++) {
                FanOutRun.Ended ended = run.total(student, EIGHT, GENEROUS, GENEROUS.plusSeconds(1));
                if (ended.total() == null || ended.total() != expected) {
                    return Seen.missed(GivingUp.describe(ended, GENEROUS.plusSeconds(1)) + String.format(Locale.ROOT, ", not the sum %,d", expected));
                }
                best = Math.min(best, ended.millis());
            }
        }
        String what = String.format(Locale.ROOT, "%,d ms (best of up to %d), target under %,d ms, halfway between one call (%,d ms) and all %d"
                + " one after another (%,d ms)", best, TRIES, target, longest, EIGHT.size(), sum);
        return best < target ? Seen.held(what) : Seen.missed(what + ": the calls ran one after another, each waiting for the one before,"
                + " while the services could have answered all of them in the time of one");
    }
}
