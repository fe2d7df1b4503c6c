package dev.tva.bench;

import dev.tva.workloads.Client;
import dev.tva.workloads.Model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import static dev.tva.bench.ScoreText.num;
import static dev.tva.bench.ScoreText.text;

/** What to notice in {@link MixedBenchmark}: the models at each CPU share, beside what the cores allow. */
final class MixedNotices implements SuiteNotices {
    private static final int[] WORK = {0, 20, 100};

    /** The benchmark methods the notices read. */
    enum Method implements BenchMethod {
        MIXED;

        @Override
        public Suite suite() {
            return Suite.MIXED;
        }
    }

    @Override
    public List<String> notices(BenchRun run) {
        List<String> n = new ArrayList<>();
        int cores = run.cores();
        List<OptionalDouble> gaps = new ArrayList<>(); // best / worst at each step; empty where no gap is measurable
        boolean allBelowCores = true;
        for (int units : WORK) {
            List<String> parts = new ArrayList<>();
            List<Score> scores = new ArrayList<>();
            for (Model m : Model.values()) {
                var x = run.score(Method.MIXED, ParamValue.model(m), ParamValue.of("work", units), ParamValue.client(Client.LEAN));
                if (x.isPresent()) {
                    parts.add(m.id() + " " + text(x.get()));
                    scores.add(x.get());
                }
            }
            if (parts.size() == Model.values().length) {
                Score best = scores.stream().max(Comparator.comparingDouble(Score::mean)).orElseThrow();
                Score worst = scores.stream().min(Comparator.comparingDouble(Score::mean)).orElseThrow();
                // The cores' figure is CpuBound's one-thread baseline, scaled: a measured score with an interval of its own.
                Optional<Score> cpuBound = CpuBoundNotices.baseline(run).filter(u -> units > 0)
                        .map(base -> base.times((double) cores * CpuBoundBenchmark.UNITS / units));
                String cpu = units == 0 ? " (no CPU work after the call)" : cpuBound.map(c -> String.format(Locale.ROOT,
                        " (about %s us of kernel CPU per task: %d cores allow %s)", num(cores * 1e6 / c.mean()), cores, text(c)))
                        .orElse("");
                OptionalDouble gap = best.separatesFrom(worst) ? OptionalDouble.of(best.ratio(worst)) : OptionalDouble.empty();
                gaps.add(gap);
                String share = "";
                if (cpuBound.isPresent()) {
                    Score c = cpuBound.get();
                    allBelowCores &= best.separatesFrom(c) && best.mean() < c.mean();
                    share = best.separatesFrom(c) ? String.format(Locale.ROOT, "; the best is %.0f%% of what the cores allow",
                            100 * best.ratio(c)) : "; the best is at what the cores allow, within the error";
                }
                n.add(String.format(Locale.ROOT, "work=%d%s: %s; %s%s.", units, cpu, String.join(", ", parts), gap.isPresent()
                        ? String.format(Locale.ROOT, "best / worst = %.1fx", gap.getAsDouble())
                        : "best and worst are within the error of each other", share));
            }
        }
        n.add(String.format(Locale.ROOT, "Waiting alone bounds %d tasks in flight at %d / %d ms = %s tasks/s, and a pool of %d "
                + "platform threads holds only %d of them at a time. As the CPU per task grows, %s; each call's own CPU (client, "
                + "backend in the same JVM, loopback TCP) comes on top of the kernel's%s.", MixedBenchmark.TASKS, MixedBenchmark.TASKS,
                MixedBenchmark.LATENCY_MILLIS, num(MixedBenchmark.TASKS * 1000.0 / MixedBenchmark.LATENCY_MILLIS),
                BenchModels.PLATFORM_THREADS, Math.min(BenchModels.PLATFORM_THREADS, MixedBenchmark.TASKS), trend(gaps),
                allBelowCores && CpuBoundNotices.baseline(run).isPresent() ? ", so no model reaches the cores' figure" : ""));
        return n;
    }

    /** A trend is claimed only from a measurable gap at the start; a gap that vanishes counts as 1x. */
    private static String trend(List<OptionalDouble> gaps) {
        if (gaps.size() < 2 || gaps.get(0).isEmpty()) {
            return "CPU becomes the limit";
        }
        OptionalDouble first = gaps.get(0);
        OptionalDouble last = gaps.get(gaps.size() - 1);
        return last.orElse(1) < first.getAsDouble()
                ? String.format(Locale.ROOT, "the gap between the models closes (best / worst above, from %s to %s) and CPU "
                        + "becomes the limit", gapText(first), gapText(last))
                : String.format(Locale.ROOT, "CPU becomes the limit, though in this run the gap between the models does not "
                        + "close (best / worst above, from %s to %s)", gapText(first), gapText(last));
    }

    /** {@code 2.6x}, or {@code no measurable gap} where best and worst overlapped. */
    private static String gapText(OptionalDouble gap) {
        return gap.isPresent() ? String.format(Locale.ROOT, "%.1fx", gap.getAsDouble()) : "no measurable gap";
    }
}
