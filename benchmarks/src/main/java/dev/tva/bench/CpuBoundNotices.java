package dev.tva.bench;

import dev.tva.workloads.Model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.tva.bench.ScoreText.num;
import static dev.tva.bench.ScoreText.text;

/** What to notice in {@link CpuBoundBenchmark}: each model beside the cores' bound, from one thread's own rate. */
final class CpuBoundNotices implements SuiteNotices {

    /** The benchmark methods the notices read. */
    enum Method implements BenchMethod {
        BASELINE_ONE_THREAD, CPU;

        @Override
        public Suite suite() {
            return Suite.CPU_BOUND;
        }
    }

    /** One thread's tasks/s of {@link CpuBoundBenchmark#UNITS} kernel units each, when the run has it: the cores' yardstick. */
    static Optional<Score> baseline(BenchRun run) {
        return run.score(Method.BASELINE_ONE_THREAD);
    }

    @Override
    public List<String> notices(BenchRun run) {
        List<String> n = new ArrayList<>();
        var b = baseline(run);
        if (b.isPresent()) {
            Score bound = b.get().times(run.cores());
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "One thread alone ran %s (%s us of CPU per task); "
                    + "%d cores make the bound %s.", text(b.get()), num(1e6 / b.get().mean()), run.cores(), text(bound)));
            List<Score> models = new ArrayList<>();
            for (Model m : Model.values()) {
                run.score(Method.CPU, ParamValue.model(m)).ifPresent(x -> {
                    models.add(x);
                    s.append(String.format(Locale.ROOT, " %s: %s (%s).", m.id(), text(x), x.separatesFrom(bound)
                            ? String.format(Locale.ROOT, "%.0f%% of the bound", 100 * x.ratio(bound)) : "within the error of the bound"));
                });
            }
            n.add(s.toString());
            if (models.size() == Model.values().length) {
                Score max = models.stream().max(Comparator.comparingDouble(Score::mean)).orElseThrow();
                Score min = models.stream().min(Comparator.comparingDouble(Score::mean)).orElseThrow();
                boolean above = models.stream().anyMatch(x -> x.separatesFrom(bound) && x.mean() > bound.mean());
                n.add(String.format(Locale.ROOT, "%s, and %s.",
                        max.separatesFrom(min) ? String.format(Locale.ROOT, "The fastest model ran %.0f%% more tasks/s than the slowest",
                                100 * (max.ratio(min) - 1)) : "The fastest and the slowest model are within the error of each other",
                        above ? "at least one is measurably above the bound: the one-thread baseline ran slow in this run"
                                : "none is measurably above the bound: computing needs cores, and no way of waiting adds any"));
            }
        }
        return n;
    }
}
