package dev.tva.cli;

import dev.tva.workloads.RunResult;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The "what to notice" sentences, computed from the measured numbers; no canned conclusions. */
final class Verdicts {
    private Verdicts() {
    }

    /** For any comparison: which model won, by how much, and the limit that explains the loser. */
    static String compare(List<RunResult> results) {
        return switch (results.get(0).workload()) {
            case "cpu" -> computing(results);
            case "db" -> database(results);
            default -> waiting(results);
        };
    }

    /** Waiting work: throughput follows how many waits a model can hold at once. */
    static String waiting(List<RunResult> results) {
        RunResult best = results.stream().max(Comparator.comparingDouble(RunResult::throughputPerSec)).orElseThrow();
        RunResult worst = results.stream().min(Comparator.comparingDouble(RunResult::throughputPerSec)).orElseThrow();
        StringBuilder s = new StringBuilder("What to notice: ");
        s.append(String.format(Locale.ROOT, "%s finished %,.0f tasks/s (%s of the bound) and %s %,.0f tasks/s (%s)",
                best.label(), best.throughputPerSec(), percent(best.efficiency()),
                worst.label(), worst.throughputPerSec(), percent(worst.efficiency())));
        if (best.throughputPerSec() >= 1.5 * worst.throughputPerSec() && worst.latencyMillis() != null
                && worst.latencyMillis() > 0 && worst.parallelism() < Math.min(worst.concurrency(), worst.tasks())) {
            double cap = worst.parallelism() * 1000.0 / worst.latencyMillis();
            s.append(String.format(Locale.ROOT,
                    ": %s can hold only %d waits at a time, and %d / %d ms = %,.0f tasks/s is the most that allows.",
                    worst.model(), worst.parallelism(), worst.parallelism(), worst.latencyMillis(), cap));
            if (best.coresBusy() != null && best.coresBusy() < 0.8) {
                s.append(String.format(Locale.ROOT, " The wait, not the CPU, is the limit: %s kept the cores only %s busy for %,.0fx the throughput.",
                        best.model(), percent(best.coresBusy()), best.throughputPerSec() / worst.throughputPerSec()));
            }
        } else {
            s.append(String.format(Locale.ROOT, ": within %.0f%% of each other; every model here holds all %,d waits at once.",
                    spreadPercent(results), best.concurrency()));
        }
        for (RunResult r : results) {
            if (r.efficiency() != null && r.efficiency() < 0.9 && r.coresBusy() != null && r.coresBusy() >= 0.8) {
                s.append(String.format(Locale.ROOT,
                        " %s kept the cores %s busy%s, at %,.0f us of CPU per task in its own process: its shortfall is this machine's CPU, not how many waits it can hold.",
                        r.label(), percent(r.coresBusy()), r.backendCpuMillis() != null ? " together with the backend" : "",
                        r.cpuMillis() * 1000.0 / r.tasks()));
            }
        }
        return s.toString();
    }

    /** Database work: with more tasks in flight than connections, the pool is the limit for every model. */
    static String database(List<RunResult> results) {
        RunResult first = results.get(0);
        if (first.boundPerSec() == null) {
            return "What to notice: " + results.stream().map(r -> String.format(Locale.ROOT, "%s %,.0f tasks/s", r.label(), r.throughputPerSec()))
                    .reduce((a, b) -> a + ", " + b).orElse("") + "; the read's own time in the database sets the pace, so there is no bound to compare with.";
        }
        double min = results.stream().mapToDouble(RunResult::throughputPerSec).min().orElseThrow();
        double max = results.stream().mapToDouble(RunResult::throughputPerSec).max().orElseThrow();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "What to notice: every model finished %,.0f to %,.0f tasks/s against a bound of %,.0f/s (%s).",
                min, max, first.boundPerSec(), first.boundRule()));
        if (first.dbPool() != null && first.dbPool() < Math.min(first.concurrency(), first.tasks())) {
            s.append(String.format(Locale.ROOT,
                    " With %,d tasks in flight and %d connections, the pool is the limit: a thread per task (virtual) or an event loop removes"
                            + " the thread limit, and the next limit is the connection pool. Only a bigger pool, or fewer queries, goes faster.",
                    first.concurrency(), first.dbPool()));
        }
        for (RunResult r : results) {
            if (r.errors() > 0) {
                s.append(String.format(Locale.ROOT, " %s had %,d failed tasks (%s).", r.label(), r.errors(), r.firstError()));
            }
        }
        return s.toString();
    }

    /** CPU work: every model is bounded by the cores; one event loop is one core. */
    static String computing(List<RunResult> results) {
        List<RunResult> full = results.stream().filter(r -> r.parallelism() >= coresOf(r)).toList();
        StringBuilder s = new StringBuilder("What to notice: ");
        if (!full.isEmpty()) {
            double min = full.stream().mapToDouble(RunResult::throughputPerSec).min().orElseThrow();
            double max = full.stream().mapToDouble(RunResult::throughputPerSec).max().orElseThrow();
            s.append(String.format(Locale.ROOT,
                    "with at least as many threads or loops as cores, every model finished %,.0f to %,.0f tasks/s, within %.0f%% of each other and %s to %s of the %d-core bound: computing needs cores, and async adds none.",
                    min, max, (max - min) * 100 / max, percent(full.stream().mapToDouble(RunResult::efficiency).min().orElseThrow()),
                    percent(full.stream().mapToDouble(RunResult::efficiency).max().orElseThrow()), coresOf(full.get(0))));
        }
        for (RunResult r : results) {
            if (r.parallelism() < coresOf(r) && r.boundPerSec() != null) {
                double coresUsed = r.throughputPerSec() / r.boundPerSec() * coresOf(r);
                s.append(String.format(Locale.ROOT, " %s managed %,.0f tasks/s, %.2f cores' worth: it computes on %d thread%s.",
                        r.label(), r.throughputPerSec(), coresUsed, r.parallelism(), r.parallelism() == 1 ? "" : "s"));
            }
        }
        return s.toString();
    }

    private static int coresOf(RunResult r) {
        return r.env().cores();
    }

    private static double spreadPercent(List<RunResult> results) {
        double min = results.stream().mapToDouble(RunResult::throughputPerSec).min().orElseThrow();
        double max = results.stream().mapToDouble(RunResult::throughputPerSec).max().orElseThrow();
        return max == 0 ? 0 : (max - min) * 100 / max;
    }

    static String percent(Double fraction) {
        return fraction == null ? "n/a" : String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }
}
