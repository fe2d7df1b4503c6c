package dev.tva.report.chart;

import dev.tva.engine.CrossoverResult;
import dev.tva.report.Fmt;
import dev.tva.report.Sourced;
import dev.tva.workloads.Model;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.DefaultXYZDataset;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** The crossover map: over (share of each task spent waiting) x (tasks in flight), which model wins and by how much. */
public final class CrossoverChart {
    /*
     * Colour is the winner, shade the margin's band; grey is no measurable difference (intervals overlap, or
     * the gap is under the lab's smallest claim). Each cell is also labelled, so the map reads without colour.
     * Cells are drawn at the index of their share and count (symbol axes), one block each.
     */
    public static final String FILE = "crossover.svg";

    private CrossoverChart() {
    }

    public static Optional<Figure> draw(List<Sourced<CrossoverResult>> sweeps) {
        if (sweeps.isEmpty()) {
            return Optional.empty();
        }
        Sourced<CrossoverResult> sweep = reference(sweeps);
        List<CrossoverResult.Cell> cells = sweep.value().cells();
        List<Double> shares = List.copyOf(new TreeSet<>(cells.stream().map(CrossoverResult.Cell::waitShare).toList()));
        List<Integer> counts = List.copyOf(new TreeSet<>(cells.stream().map(CrossoverResult.Cell::concurrency).toList()));
        double[][] xyz = new double[3][cells.size()];
        XYPlot plot = new XYPlot();
        TreeSet<Integer> shown = new TreeSet<>();
        for (int i = 0; i < cells.size(); i++) {
            CrossoverResult.Cell cell = cells.get(i);
            CellLeaders w = CellLeaders.of(cell);
            xyz[0][i] = shares.indexOf(cell.waitShare());
            xyz[1][i] = counts.indexOf(cell.concurrency());
            xyz[2][i] = w.leaders().isEmpty() ? -1 : w.mask() * 10 + w.band();
            shown.add((int) xyz[2][i]);
            XYTextAnnotation label = new XYTextAnnotation(w.mark(), xyz[0][i], xyz[1][i]);
            label.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            plot.addAnnotation(label);
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("winner", xyz);
        plot.setDataset(data);
        plot.setDomainAxis(new SymbolAxis("share of each task spent waiting (rest: CPU work)",
                shares.stream().map(CrossoverChart::share).toArray(String[]::new)));
        plot.setRangeAxis(new SymbolAxis("tasks in flight", counts.stream().map(Fmt::count).toArray(String[]::new)));
        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setPaintScale(new WinnerScale());
        plot.setRenderer(blocks);
        LegendItemCollection legend = new LegendItemCollection();
        for (int z : shown) {
            String label = z < 0 ? "no measurable difference" : CellLeaders.ids(models(z / 10)) + " ahead " + CellLeaders.bandText(z % 10);
            legend.add(new LegendItem(label, null, null, null, new Rectangle(-6, -6, 12, 12), new WinnerScale().getPaint(z)));
        }
        plot.setFixedLegendItems(legend);
        JFreeChart chart = Svg.styled(new JFreeChart("Crossover map: the winner by share of waiting and tasks in flight",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true));
        String caption = "Each cell runs the same task on every model: a backend call then CPU work, the share of waiting as on the"
                + " x axis (" + (sweep.value().quick() ? "a quick sweep" : "a full sweep") + "). Colour is the leader (two colours mixed where two models lead together),"
                + " shade the margin over the fastest run behind the leaders, written in the cell (+50% is half as fast again); grey and = where the"
                + " 95% intervals overlap or the gap is under 10%, the lab's rule for any claimed difference; * where a run of the cell never"
                + " settled within its warm-up cap or had errors, so its mark is not to be trusted.";
        return Optional.of(new Figure(FILE, "The crossover map", caption, List.of(sweep.file()), Svg.render(chart, "crossover")));
    }

    /** A wait share on the axis: {@code 90%}, {@code 99.5%}, {@code 99.9%} (as many decimals as the share needs). */
    public static String share(double share) {
        return BigDecimal.valueOf(share).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** The newest full sweep, else the newest quick one: the full grid is the reference. */
    static Sourced<CrossoverResult> reference(List<Sourced<CrossoverResult>> sweeps) {
        return sweeps.stream().filter(s -> !s.value().quick()).reduce((a, b) -> b).orElse(sweeps.get(sweeps.size() - 1));
    }

    /** The models of a leader mask ({@link CellLeaders#mask}), in the order of the enum. */
    private static List<Model> models(int mask) {
        return Arrays.stream(Model.values()).filter(m -> (mask & (1 << m.ordinal())) != 0).toList();
    }

    /** Grey for no measurable difference, else the leaders' colour (mixed for two) at its band's shade. */
    private static final class WinnerScale implements PaintScale {
        @Override
        public double getLowerBound() {
            return -1;
        }

        @Override
        public double getUpperBound() {
            return (1 << Model.values().length) * 10;
        }

        @Override
        public Paint getPaint(double z) {
            if (z < 0) {
                return Palette.NO_DIFFERENCE;
            }
            int code = (int) Math.round(z);
            return Palette.shade(models(code / 10), 0.25 + 0.25 * (code % 10 - 1));
        }
    }
}
