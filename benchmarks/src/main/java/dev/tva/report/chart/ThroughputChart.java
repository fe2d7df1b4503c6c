package dev.tva.report.chart;

import dev.tva.engine.CrossoverResult;
import dev.tva.report.Fmt;
import dev.tva.report.InputFile;
import dev.tva.report.Inputs;
import dev.tva.report.Sourced;
import dev.tva.report.Work;
import dev.tva.workloads.Model;
import dev.tva.workloads.RunResult;
import dev.tva.workloads.WorkloadType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Throughput against tasks in flight, per model, beside Little's bound: where each model stops following it. */
public final class ThroughputChart {
    /*
     * From a crossover sweep when there is one (its cells with the highest share of waiting), else from the
     * runs of waiting work (sleep, http) that vary the tasks in flight, across files: the work with the most
     * distinct in-flight counts. Where several runs measured one model at one count, the one with an
     * interval, then the most windows, then the newest is drawn.
     */
    public static final String FILE = "throughput-in-flight.svg";
    private static final Set<WorkloadType> WAITING = EnumSet.of(WorkloadType.SLEEP, WorkloadType.HTTP);

    private ThroughputChart() {
    }

    public static Optional<Figure> draw(Inputs inputs) {
        return inputs.crossovers().isEmpty() ? fromRuns(inputs) : Optional.of(fromCrossover(CrossoverChart.reference(inputs.crossovers())));
    }

    private static Figure fromCrossover(Sourced<CrossoverResult> sweep) {
        double share = sweep.value().cells().stream().mapToDouble(CrossoverResult.Cell::waitShare).max().orElseThrow();
        XyChart chart = new XyChart();
        String task = "";
        for (CrossoverResult.Cell cell : sweep.value().cells().stream().filter(c -> c.waitShare() == share)
                .sorted(Comparator.comparingInt(CrossoverResult.Cell::concurrency)).toList()) {
            cell.results().stream().sorted(Comparator.comparing(RunResult::model)).forEach(r -> point(chart, r));
            double taskMillis = cell.waitMillis() + cell.cpuMicros() / 1000;
            chart.line("bound: in flight / task time (Little's law)", Palette.BOUND, Palette.DASHED, cell.concurrency(),
                    cell.concurrency() * 1000 / taskMillis);
            task = String.format(java.util.Locale.ROOT, "a %d ms backend call then %d CPU units (about %s us)", cell.waitMillis(),
                    cell.cpuUnits(), Fmt.count(cell.cpuMicros()));
        }
        String caption = "Each task: " + task + ", the cells of the crossover sweep where waiting is the largest share ("
                + CrossoverChart.share(share) + "). Error bars: 95% intervals.";
        return figure(chart, "tasks of the crossover sweep, " + CrossoverChart.share(share) + " waiting", caption, List.of(sweep.file()));
    }

    private static Optional<Figure> fromRuns(Inputs inputs) {
        Map<Work, List<Sourced<RunResult>>> byWork = new LinkedHashMap<>();
        inputs.runs().stream().filter(s -> WAITING.contains(s.value().workload()) && s.value().latencyMillis() != null)
                .forEach(s -> byWork.computeIfAbsent(Work.of(s.value()).anyConcurrency(), w -> new ArrayList<>()).add(s));
        Comparator<List<Sourced<RunResult>>> widest = Comparator.comparingInt(ThroughputChart::counts)
                .thenComparingLong(runs -> runs.stream().filter(s -> s.value().throughputLowPerSec() != null).count());
        Optional<List<Sourced<RunResult>>> best = byWork.values().stream().filter(runs -> counts(runs) >= 2).max(widest);
        if (best.isEmpty()) {
            return Optional.empty();
        }
        Map<List<Object>, Sourced<RunResult>> chosen = new TreeMap<>(Comparator.comparing((List<Object> k) -> (Model) k.get(0))
                .thenComparing(k -> (Integer) k.get(1)));
        for (Sourced<RunResult> s : best.get()) {
            chosen.merge(List.of(s.value().model(), s.value().concurrency()), s, ThroughputChart::preferred);
        }
        XyChart chart = new XyChart();
        List<InputFile> sources = new ArrayList<>();
        TreeSet<Integer> counts = new TreeSet<>();
        boolean older = false;
        for (Sourced<RunResult> s : chosen.values()) {
            point(chart, s.value());
            sources.add(s.file());
            counts.add(s.value().concurrency());
            older |= s.value().throughputLowPerSec() == null;
        }
        RunResult first = best.get().get(0).value();
        for (int c : counts) {
            chart.line("bound: in flight / latency (Little's law)", Palette.BOUND, Palette.DASHED, c, c * 1000.0 / first.latencyMillis());
        }
        String caption = "Each task: " + Work.of(first).anyConcurrency().describe() + "; the runs of the inputs that vary the tasks"
                + " in flight for this work, one per model and count (with an interval, most windows, newest first)."
                + (older ? " Points without an error bar were measured by the older method and have no interval." : " Error bars: 95% intervals.");
        return Optional.of(figure(chart, Work.of(first).anyConcurrency().describe(), caption, sources));
    }

    private static int counts(List<Sourced<RunResult>> runs) {
        return (int) runs.stream().map(s -> s.value().concurrency()).distinct().count();
    }

    private static Sourced<RunResult> preferred(Sourced<RunResult> a, Sourced<RunResult> b) {
        Comparator<Sourced<RunResult>> order = Comparator.<Sourced<RunResult>, Boolean>comparing(s -> s.value().throughputLowPerSec() != null)
                .thenComparingInt(s -> s.value().windows() * Math.max(1, s.value().forks()))
                .thenComparing(s -> s.value().env() == null || s.value().env().date() == null ? "" : s.value().env().date())
                .thenComparing(s -> s.file().path(), Comparator.reverseOrder());
        return order.compare(a, b) >= 0 ? a : b;
    }

    private static void point(XyChart chart, RunResult r) {
        double low = r.throughputLowPerSec() == null ? r.throughputPerSec() : r.throughputLowPerSec();
        double high = r.throughputHighPerSec() == null ? r.throughputPerSec() : r.throughputHighPerSec();
        chart.point(r.model().id(), Palette.of(r.model()), r.concurrency(), r.throughputPerSec(), low, high);
    }

    private static Figure figure(XyChart chart, String what, String caption, List<InputFile> sources) {
        String title = "Throughput against tasks in flight: " + what;
        String svg = Svg.render(chart.build(title, Axes.log("tasks in flight"), Axes.log("throughput (tasks/s)")), "throughput");
        return new Figure(FILE, "Throughput against tasks in flight", caption, sources, svg);
    }
}
