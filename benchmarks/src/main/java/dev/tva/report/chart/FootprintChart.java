package dev.tva.report.chart;

import dev.tva.report.FootprintRow;
import dev.tva.report.Sourced;
import dev.tva.workloads.Model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Memory per parked task by model and number of tasks: what each waiting task holds, in bytes. */
public final class FootprintChart {
    public static final String FILE = "memory-per-task.svg";

    private FootprintChart() {
    }

    public static Optional<Figure> draw(List<Sourced<FootprintRow>> rows) {
        Map<Model, Map<Integer, List<Long>>> byModel = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        for (Sourced<FootprintRow> s : rows) {
            FootprintRow r = s.value();
            if (r.totalBytesPerTask() == null) {
                skipped.add(r.model() + " at " + dev.tva.report.Fmt.count(r.tasks()));
                continue;
            }
            byModel.computeIfAbsent(Model.fromId(r.model()), m -> new TreeMap<>())
                    .computeIfAbsent(r.tasks(), t -> new ArrayList<>()).add(r.totalBytesPerTask());
        }
        if (byModel.isEmpty()) {
            return Optional.empty();
        }
        XyChart chart = new XyChart();
        int runs = 0;
        for (Map.Entry<Model, Map<Integer, List<Long>>> m : byModel.entrySet()) {
            for (Map.Entry<Integer, List<Long>> t : m.getValue().entrySet()) {
                List<Long> v = t.getValue();
                double mean = v.stream().mapToLong(Long::longValue).average().orElseThrow();
                chart.point(m.getKey().id(), Palette.of(m.getKey()), t.getKey(), mean,
                        v.stream().mapToLong(Long::longValue).min().orElseThrow(), v.stream().mapToLong(Long::longValue).max().orElseThrow());
                runs = Math.max(runs, v.size());
            }
        }
        String svg = Svg.render(chart.build("Memory per parked task (resident memory + kernel stack)",
                Axes.log("tasks parked at once"), Axes.log("bytes per parked task")), "footprint");
        String caption = "Resident memory the process gained per parked task, plus the kernel stack of an OS thread (the"
                + " platform model's), as lab footprint measures it: platform and virtual threads blocked on a latch, event-loop"
                + " timers pending with a continuation."
                + (runs > 1 ? " Each point is the mean of " + runs + " runs; the bars span the lowest and highest run (a range, not an interval)."
                : " One run per point: no interval.")
                + (skipped.isEmpty() ? "" : " Not run: " + String.join(", ", skipped) + " (the machine's thread limits; see the file).");
        return Optional.of(new Figure(FILE, "Memory per parked task", caption, rows.stream().map(Sourced::file).toList(), svg));
    }
}
