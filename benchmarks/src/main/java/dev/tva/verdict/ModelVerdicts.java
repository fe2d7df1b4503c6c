package dev.tva.verdict;

import dev.tva.workloads.Bound;
import dev.tva.workloads.Interval;
import dev.tva.workloads.RunResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The "what to notice" of a comparison of models, computed from typed results: never from matching
 * strings, and never claiming a difference the numbers do not show.
 *
 * <p>Row A is measurably faster than row B only when their 95% intervals do not overlap <em>and</em> A
 * is ahead by more than {@link #SMALLEST_CLAIM}: on this kind of machine two JVMs of the same row can
 * differ by several percent, a spread that the windows of one JVM cannot show.
 */
public final class ModelVerdicts {
    /** The smallest relative gap claimed as a difference, even when the intervals separate. */
    public static final double SMALLEST_CLAIM = 0.10;
    /** A machine this busy (process plus backend CPU over wall time and cores) has run out of CPU. */
    static final double BUSY = 0.80;
    /** A row within this fraction of its bound reached it. */
    static final double REACHED = 0.90;

    private ModelVerdicts() {
    }

    /** The verdict on rows of one workload, each a different model (or model setting). */
    public static Verdict compare(List<RunResult> rows) {
        List<RunResult> byThroughput = rows.stream()
                .sorted(Comparator.comparingDouble(RunResult::throughputPerSec).reversed()).toList();
        RunResult best = byThroughput.get(0);
        List<String> leaders = new ArrayList<>();
        List<String> trailing = new ArrayList<>();
        for (RunResult r : byThroughput) {
            (measurablyFaster(best, r) ? trailing : leaders).add(r.label());
        }
        Map<String, Cause> causes = new LinkedHashMap<>();
        List<String> untrusted = new ArrayList<>();
        for (RunResult r : rows) {
            cause(r).ifPresent(c -> causes.put(r.label(), c));
            if (!r.steady() || r.errors() > 0) {
                untrusted.add(r.label());
            }
        }
        return new Verdict(!trailing.isEmpty(), leaders, trailing, causes, untrusted,
                Sentences.write(rows, byThroughput, leaders, trailing, causes, untrusted));
    }

    /** True when {@code a} beats {@code b} by more than the smallest claim and their intervals do not overlap. */
    public static boolean measurablyFaster(RunResult a, RunResult b) {
        Interval ia = a.throughput();
        Interval ib = b.throughput();
        return ia.separatesFrom(ib) && a.throughputPerSec() > b.throughputPerSec() * (1 + SMALLEST_CLAIM);
    }

    /** What set a row's pace, from its numbers and its bound; empty when nothing typed explains it. */
    static java.util.Optional<Cause> cause(RunResult r) {
        if (r.errors() > 0) {
            return java.util.Optional.of(Cause.ERRORS);
        }
        if (!r.steady()) {
            return java.util.Optional.of(Cause.NOT_STEADY);
        }
        Bound.Limit limit = r.boundLimit() == null ? Bound.Limit.NONE : r.boundLimit();
        switch (limit) {
            case POOL, BULKHEAD, THREADS -> {
                return java.util.Optional.of(switch (limit) {
                    case POOL -> Cause.POOL;
                    case BULKHEAD -> Cause.BULKHEAD;
                    default -> Cause.THREADS;
                });
            }
            case CORES -> {
                return java.util.Optional.of(r.parallelism() < r.env().cores() ? Cause.THREADS : Cause.CORES);
            }
            case IN_FLIGHT, NONE -> {
                if (holdsTooFewWaits(r)) {
                    return java.util.Optional.of(Cause.THREADS);
                }
                if (r.efficiency() != null && r.efficiency() >= REACHED) {
                    return java.util.Optional.of(Cause.IN_FLIGHT);
                }
                if (r.coresBusy() != null && r.coresBusy() >= BUSY) {
                    return java.util.Optional.of(Cause.CORES);
                }
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * True when a model whose waits each hold a thread has fewer threads than tasks in flight, and its
     * throughput is what those threads allow ({@code threads / latency}, within 20%).
     */
    static boolean holdsTooFewWaits(RunResult r) {
        if (r.waitSlots() == null || r.latencyMillis() == null || r.latencyMillis() == 0
                || r.waitSlots() >= r.concurrency()) {
            return false;
        }
        double cap = waitCap(r);
        return r.throughputPerSec() <= cap * 1.2;
    }

    /** The most a pool of {@code waitSlots} threads allows: threads / latency, per second. */
    static double waitCap(RunResult r) {
        return r.waitSlots() * 1000.0 / r.latencyMillis();
    }

    /** Writes the sentence from the typed verdict. */
    private static final class Sentences {
        static String write(List<RunResult> rows, List<RunResult> byThroughput, List<String> leaders, List<String> trailing,
                            Map<String, Cause> causes, List<String> untrusted) {
            StringBuilder s = new StringBuilder("What to notice: ");
            RunResult best = byThroughput.get(0);
            if (trailing.isEmpty()) {
                RunResult worst = byThroughput.get(byThroughput.size() - 1);
                s.append(String.format(Locale.ROOT, "no measurable difference: every row finished %s to %s tasks/s, within"
                                + " each other's intervals or less than %.0f%% apart.", perSec(worst), perSec(best), SMALLEST_CLAIM * 100));
            } else {
                List<String> lead = new ArrayList<>();
                for (RunResult r : byThroughput) {
                    if (leaders.contains(r.label())) {
                        lead.add(String.format(Locale.ROOT, "%s %s tasks/s (%s of the bound)", r.label(), perSec(r), percent(r.efficiency())));
                    }
                }
                s.append(String.join(", ", lead)).append(lead.size() > 1 ? ", no measurable difference between them" : "");
                for (RunResult r : byThroughput) {
                    if (trailing.contains(r.label())) {
                        s.append(String.format(Locale.ROOT, "; %s %s (%s), %.1fx less than %s", r.label(), perSec(r),
                                percent(r.efficiency()), best.throughputPerSec() / Math.max(r.throughputPerSec(), 1e-9), best.label()));
                    }
                }
                s.append('.');
            }
            for (RunResult r : rows) {
                Cause cause = causes.get(r.label());
                if (cause == null) {
                    continue;
                }
                String why = explain(r, cause, best);
                if (!why.isEmpty()) {
                    s.append(' ').append(why);
                }
            }
            if (!untrusted.isEmpty()) {
                s.append(" Not to be trusted: ").append(String.join(", ", untrusted)).append('.');
            }
            return s.toString();
        }

        static String explain(RunResult r, Cause cause, RunResult best) {
            return switch (cause) {
                case THREADS -> r.boundLimit() == Bound.Limit.CORES
                        ? String.format(Locale.ROOT, "%s computes on %d thread%s: %.2f cores' worth.", r.label(), r.parallelism(),
                        r.parallelism() == 1 ? "" : "s", r.efficiency() == null ? Double.NaN : r.efficiency() * r.env().cores())
                        : r.boundLimit() == Bound.Limit.THREADS
                        ? String.format(Locale.ROOT, "%s: its %d threads are the limit (%s).", r.label(), r.waitSlots(), r.boundRule())
                        : String.format(Locale.ROOT, "%s holds only %d waits at a time (one thread each), and %d / %d ms = %,.0f tasks/s is the most that allows.",
                        r.label(), r.waitSlots(), r.waitSlots(), r.latencyMillis(), waitCap(r));
                case POOL, BULKHEAD -> r == best ? String.format(Locale.ROOT,
                        "With %,d in flight, %s is the limit (%s): removing the thread limit moves it to the pool; only a bigger pool, or fewer queries, goes faster.",
                        r.concurrency(), cause == Cause.POOL ? "the connection pool" : "the bulkhead", r.boundRule()) : "";
                case CORES -> r.boundLimit() == Bound.Limit.CORES
                        ? (r == best ? String.format(Locale.ROOT, "Computing needs cores (bound: %s), and async adds none.", r.boundRule()) : "")
                        : String.format(Locale.ROOT, "%s kept the cores %s busy at %,.0f us of CPU per task: the machine's CPU, not the waits, is its limit.",
                        r.label(), percent(r.coresBusy()), r.cpuMicrosPerTask());
                case IN_FLIGHT -> "";
                case NOT_STEADY -> String.format(Locale.ROOT, "%s never settled in its warm-up (%d windows).", r.label(), r.warmupWindows());
                case ERRORS -> String.format(Locale.ROOT, "%s had %,d failed tasks (%s).", r.label(), r.errors(), r.firstError());
                case GENERATOR_LIMITED -> String.format(Locale.ROOT, "%s: the load generator, not the model, set the pace.", r.label());
            };
        }

        static String perSec(RunResult r) {
            Interval i = r.throughput();
            return i.known()
                    ? String.format(Locale.ROOT, "%,.0f ± %.0f%%", r.throughputPerSec(), i.relativeHalfWidth() * 100)
                    : String.format(Locale.ROOT, "%,.0f", r.throughputPerSec());
        }
    }

    /** A fraction as a whole percentage, or n/a. */
    public static String percent(Double fraction) {
        return fraction == null ? "n/a" : String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }
}
