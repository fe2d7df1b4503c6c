package dev.tva.report.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An XY chart of measured series, each point with its interval drawn as an error bar (a point without one has
 * none), and reference lines (a bound, an SLO) drawn over them.
 */
final class XyChart {
    private final Map<String, YIntervalSeries> measured = new LinkedHashMap<>();
    private final List<Color> measuredColors = new ArrayList<>();
    private boolean shapes = true;
    private final Map<String, XYSeries> lines = new LinkedHashMap<>();
    private final List<Color> lineColors = new ArrayList<>();
    private final List<Stroke> lineStrokes = new ArrayList<>();
    private final List<XYTextAnnotation> notes = new ArrayList<>();

    /** A measured point of series {@code name}; {@code low} and {@code high} equal to {@code y} when there is no interval. */
    XyChart point(String name, Color color, double x, double y, double low, double high) {
        measured.computeIfAbsent(name, n -> {
            measuredColors.add(color);
            return new YIntervalSeries(n, false, true);
        }).add(x, y, low, high);
        return this;
    }

    /** A point of reference line {@code name} (a bound, an SLO). */
    XyChart line(String name, Color color, Stroke stroke, double x, double y) {
        lines.computeIfAbsent(name, n -> {
            lineColors.add(color);
            lineStrokes.add(stroke);
            return new XYSeries(n, false, true);
        }).add(x, y);
        return this;
    }

    /** A word written just above a point, such as INVALID. */
    XyChart note(double x, double y, String text) {
        XYTextAnnotation note = new XYTextAnnotation(text, x, y);
        note.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 10));
        note.setTextAnchor(TextAnchor.BOTTOM_CENTER);
        notes.add(note);
        return this;
    }

    /** Draws measured series as lines only, for dense curves such as a latency distribution. */
    XyChart withoutShapes() {
        shapes = false;
        return this;
    }

    /*
     * Series with an interval at any point go to an error-bar renderer; series without one to a plain line
     * renderer, so that a point without an interval never looks as if it had a zero-width one.
     */
    JFreeChart build(String title, ValueAxis x, ValueAxis y) {
        YIntervalSeriesCollection withIntervals = new YIntervalSeriesCollection();
        XYSeriesCollection without = new XYSeriesCollection();
        List<Color> intervalColors = new ArrayList<>();
        List<Color> plainColors = new ArrayList<>();
        int i = 0;
        for (YIntervalSeries s : measured.values()) {
            if (hasInterval(s)) {
                withIntervals.addSeries(s);
                intervalColors.add(measuredColors.get(i));
            } else {
                XYSeries plain = new XYSeries(s.getKey(), false, true);
                for (int k = 0; k < s.getItemCount(); k++) {
                    plain.add(s.getX(k), s.getYValue(k));
                }
                without.addSeries(plain);
                plainColors.add(measuredColors.get(i));
            }
            i++;
        }
        XYErrorRenderer errors = new XYErrorRenderer();
        errors.setDrawXError(false);
        errors.setDrawYError(true);
        errors.setDefaultLinesVisible(true);
        errors.setDefaultShapesVisible(shapes);
        errors.setCapLength(8);
        XYLineAndShapeRenderer plainRenderer = new XYLineAndShapeRenderer(true, shapes);
        XYPlot plot = new XYPlot(withIntervals, x, y, errors);
        plot.setDataset(1, without);
        plot.setRenderer(1, plainRenderer);
        XYSeriesCollection references = new XYSeriesCollection();
        lines.values().forEach(references::addSeries);
        XYLineAndShapeRenderer referenceRenderer = new XYLineAndShapeRenderer(true, false);
        plot.setDataset(2, references);
        plot.setRenderer(2, referenceRenderer);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);
        JFreeChart chart = Svg.styled(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
        for (int k = 0; k < intervalColors.size(); k++) {
            errors.setSeriesPaint(k, intervalColors.get(k));
            errors.setSeriesStroke(k, Palette.LINE);
        }
        for (int k = 0; k < plainColors.size(); k++) {
            plainRenderer.setSeriesPaint(k, plainColors.get(k));
            plainRenderer.setSeriesStroke(k, Palette.LINE);
        }
        notes.forEach(plot::addAnnotation);
        for (int k = 0; k < lineColors.size(); k++) {
            referenceRenderer.setSeriesPaint(k, lineColors.get(k));
            referenceRenderer.setSeriesStroke(k, lineStrokes.get(k));
        }
        return chart;
    }

    private static boolean hasInterval(YIntervalSeries s) {
        for (int k = 0; k < s.getItemCount(); k++) {
            if (s.getYLowValue(k) < s.getYHighValue(k)) {
                return true;
            }
        }
        return false;
    }
}
