package dev.tva.course.sizethepool;

import dev.tva.course.Check.Seen;

import java.util.Locale;
import java.util.function.Supplier;

/*
 * The targets: at least 95% of the arrival rate answered, and a p99 under 1.5 x the wait (the pool adds at most half a
 * wait in queue). On two cores shared with other work, a stall of the machine can spoil a p99 that the pool did not: so
 * a pool of at least Little's size that misses the p99 is compared with a control, the same run without the limit
 * (measured right after). If the control misses the p99 too, the machine was busy, and the pool passes when it added at
 * most half a wait to the control's p99. A pool smaller than Little's number cannot keep up, and one run shows it.
 */

/** Judges an open-model run of the student's pool against the targets, with a control run when the machine may be to blame. */
final class PoolVerdict {
    static final double RATE_SHARE = 0.95;
    static final double P99_FACTOR = 1.5;
    /** A pool of Little's size that misses gets this many runs in all; the first that meets the targets counts. */
    static final int TRIES = 2;

    private PoolVerdict() {
    }

    static Seen measure(SizeThePoolChecks.Point target, int size, String what, String tasks, Supplier<OpenLoad.Outcome> pool,
                        Supplier<OpenLoad.Outcome> unlimited, String unlimitedName) {
        Seen seen = null;
        for (int i = 0; i < TRIES; i++) {
            OpenLoad.Outcome run = pool.get();
            String measured = describe(run, target, size, what, tasks);
            if (rateMet(run) && p99Millis(run) < p99Target(target)) {
                return Seen.held(measured);
            }
            if (size < target.inFlight()) {
                return Seen.missed(measured + ": " + String.format(Locale.ROOT, "each of the %s holds one of the %s for its whole %,d ms"
                                + " wait, so %,d serve at most %,d / %,d ms = %,.0f/s; the rest wait in the queue, longer and longer", tasks, what,
                        target.latency().toMillis(), size, size, target.latency().toMillis(), size * 1000.0 / target.latency().toMillis()));
            }
            OpenLoad.Outcome control = unlimited.get();
            double added = p99Millis(run) - p99Millis(control);
            String compared = String.format(Locale.ROOT, "; %s, measured right after, had p99 %,.1f ms", unlimitedName, p99Millis(control));
            if (rateMet(run) && p99Millis(control) >= p99Target(target) && added <= (P99_FACTOR - 1) * target.latency().toMillis()) {
                return Seen.held(measured + compared + String.format(Locale.ROOT, ": the machine was busy, and the pool added %,.1f ms to it",
                        Math.max(0, added)));
            }
            seen = Seen.missed(measured + compared + ": " + (size < 1.2 * target.inFlight()
                    ? String.format(Locale.ROOT, "%,d %s for %,.0f in flight are busy nearly all the time, so every delay queues: leave headroom",
                    size, what, target.inFlight())
                    : "with that much headroom, only a busy machine explains it: run the check again"));
        }
        return seen;
    }

    static boolean rateMet(OpenLoad.Outcome run) {
        return run.answered() >= RATE_SHARE * run.asked() && run.failed() == 0;
    }

    static double p99Millis(OpenLoad.Outcome run) {
        return run.latencyMicros().p99() / 1000.0;
    }

    static double p99Target(SizeThePoolChecks.Point target) {
        return P99_FACTOR * target.latency().toMillis();
    }

    private static String describe(OpenLoad.Outcome run, SizeThePoolChecks.Point target, int size, String what, String tasks) {
        return String.format(Locale.ROOT, "a pool of %,d %s answered %,.0f of %,.0f %s/s (%.0f%%), p99 %,.1f ms%s; target: at least %,.0f/s"
                        + " and p99 under %,.0f ms (Little's law: %s keeps %,.0f busy on average)", size, what, run.answeredPerSec(),
                target.ratePerSec(), tasks, 100 * run.answered() / (double) run.asked(), p99Millis(run),
                run.failed() == 0 ? "" : String.format(Locale.ROOT, ", %,d failed", run.failed()), RATE_SHARE * target.ratePerSec(),
                p99Target(target), target, target.inFlight());
    }
}
