package dev.tva.report.chart;

import dev.tva.report.Inputs;
import dev.tva.report.Sourced;
import dev.tva.report.Work;
import dev.tva.verdict.ClientCost;
import dev.tva.workloads.Client;
import dev.tva.workloads.RunResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CPU time per request by model, with the lean client and with a library client: what the model costs, and what the library adds. */
public final class CpuCostChart {
    public static final String FILE = "cpu-per-request.svg";

    private CpuCostChart() {
    }

    /** The runs of one file (or section) and one work that ran each client on at least one model; the most measured windows win. */
    public static Optional<List<Sourced<RunResult>>> pick(Inputs inputs) {
        Map<List<Object>, List<Sourced<RunResult>>> groups = new LinkedHashMap<>();
        for (Sourced<RunResult> s : inputs.runs()) {
            if (s.value().client() != null) {
                Work w = Work.of(s.value());
                Work any = new Work(w.workload(), w.concurrency(), w.latencyMillis(), w.workUnits(), null, w.dbPool(), w.dbBulkhead(),
                        w.query(), w.calls());
                groups.computeIfAbsent(List.of(s.group(), any), k -> new ArrayList<>()).add(s);
            }
        }
        return groups.values().stream()
                .filter(g -> !ClientCost.of(g.stream().map(Sourced::value).toList()).isEmpty())
                .max(Comparator.comparingInt(g -> g.stream().mapToInt(s -> s.value().windows() * Math.max(1, s.value().forks())).sum()));
    }

    public static Optional<Figure> draw(Inputs inputs) {
        Optional<List<Sourced<RunResult>>> picked = pick(inputs);
        if (picked.isEmpty()) {
            return Optional.empty();
        }
        List<RunResult> rows = picked.get().stream().map(Sourced::value).toList();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ClientCost cost : ClientCost.of(rows)) {
            data.addValue(cost.leanMicros(), Client.LEAN.id(), cost.model().id());
            data.addValue(cost.leanMicros() + cost.addedMicros(), Client.LIBRARY.id(), cost.model().id());
        }
        String work = Work.of(rows.get(0)).describe().replace(", " + rows.get(0).client().id() + " client", "");
        BarRenderer bars = new BarRenderer();
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("model"), Axes.fromZero("CPU per request (us, the model's process)"), bars);
        JFreeChart chart = Svg.styled(new JFreeChart("CPU time per request by model and client: " + work,
                JFreeChart.DEFAULT_TITLE_FONT, plot, true));
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, new Color(86, 180, 233));
        bars.setSeriesPaint(1, new Color(213, 94, 0));
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", Svg.integers()));
        bars.setDefaultItemLabelsVisible(true);
        String caption = "CPU time of the process running the model over the measured windows, per request completed in them ("
                + work + "). Lean is the lab's own minimal client in each style, the model's own cost; library is a well-kept"
                + " client of that style; the difference is the library's. CPU time is read once over all windows: no interval."
                + " The backend's CPU is not counted.";
        return Optional.of(new Figure(FILE, "CPU time per request", caption, picked.get().stream().map(Sourced::file).toList(),
                Svg.render(chart, "cpu-cost")));
    }
}
