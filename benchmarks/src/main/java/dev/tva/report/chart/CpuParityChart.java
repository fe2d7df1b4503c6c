package dev.tva.report.chart;

import dev.tva.report.Comparison;
import dev.tva.report.Fmt;
import dev.tva.workloads.RunResult;
import dev.tva.workloads.WorkloadType;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

import java.util.List;
import java.util.Optional;

/** CPU-bound work on each model against the bound {@code cores x one core's rate}: parity, not a winner. */
public final class CpuParityChart {
    /*
     * One group of bars per comparison of cpu work measured by the current method (a tour's cpu section, a
     * compare): the error bar is the 95% interval's half-width (drawn by a statistical bar renderer, whose
     * "deviation" here is that half-width), and the dashed line the comparison's bound.
     */
    public static final String FILE = "cpu-parity.svg";

    private CpuParityChart() {
    }

    public static Optional<Figure> draw(List<Comparison> comparisons) {
        List<Comparison> cpu = comparisons.stream().filter(c -> c.work().workload() == WorkloadType.CPU
                && c.rows().stream().allMatch(r -> r.throughputLowPerSec() != null && r.boundPerSec() != null)).toList();
        if (cpu.isEmpty()) {
            return Optional.empty();
        }
        DefaultStatisticalCategoryDataset bars = new DefaultStatisticalCategoryDataset();
        DefaultCategoryDataset bound = new DefaultCategoryDataset();
        for (Comparison c : cpu) {
            String category = c.group().substring(c.group().lastIndexOf('/') + 1).replace("#cpu", "");
            for (RunResult r : c.rows()) {
                bars.add(r.throughputPerSec(), (r.throughputHighPerSec() - r.throughputLowPerSec()) / 2, r.model().id(), category);
            }
            bound.addValue(c.rows().get(0).boundPerSec(), "bound: cores x one core's rate", category);
        }
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        CategoryPlot plot = new CategoryPlot(bars, new CategoryAxis("comparison (file)"), Axes.fromZero("throughput (tasks/s)"), renderer);
        // The bound of each comparison: a dash as wide as its group of bars.
        LineAndShapeRenderer line = new LineAndShapeRenderer(false, true);
        plot.setDataset(1, bound);
        plot.setRenderer(1, line);
        JFreeChart chart = Svg.styled(new JFreeChart("CPU-bound work: each model against cores x one core's rate",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true));
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setErrorIndicatorPaint(Palette.BOUND);
        for (int i = 0; i < bars.getRowCount(); i++) {
            renderer.setSeriesPaint(i, Palette.of(dev.tva.workloads.Model.fromId((String) bars.getRowKey(i))));
        }
        line.setSeriesPaint(0, Palette.BOUND);
        double dash = 0.6 * (Svg.WIDTH - 100) / bound.getColumnCount();
        line.setSeriesShape(0, new java.awt.geom.Rectangle2D.Double(-dash / 2, -1.5, dash, 3));
        line.setLegendShape(0, new java.awt.geom.Rectangle2D.Double(-8, -1.5, 16, 3));
        RunResult first = cpu.get(0).rows().get(0);
        String caption = "Tasks of " + (first.workUnits() == null ? "CPU work" : first.workUnits() + " kernel units")
                + " with " + Fmt.count(first.concurrency()) + " in flight; the bound is " + first.boundRule()
                + ", the cores times one core's measured rate. Error bars: 95% intervals.";
        return Optional.of(new Figure(FILE, "CPU-bound parity", caption, cpu.stream().map(Comparison::file).toList(),
                Svg.render(chart, "cpu-parity")));
    }
}
