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

    boolean isEmpty() {
        return measured.isEmpty();
    }

    JFreeChart build(String title, ValueAxis x, ValueAxis y) {
        YIntervalSeriesCollection points = new YIntervalSeriesCollection();
        measured.values().forEach(points::addSeries);
        XYErrorRenderer errors = new XYErrorRenderer();
        errors.setDrawXError(false);
        errors.setDrawYError(true);
        errors.setDefaultLinesVisible(true);
        errors.setDefaultShapesVisible(true);
        errors.setCapLength(8);
        XYPlot plot = new XYPlot(points, x, y, errors);
        XYSeriesCollection references = new XYSeriesCollection();
        lines.values().forEach(references::addSeries);
        XYLineAndShapeRenderer referenceRenderer = new XYLineAndShapeRenderer(true, false);
        plot.setDataset(1, references);
        plot.setRenderer(1, referenceRenderer);
        JFreeChart chart = Svg.styled(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
        for (int i = 0; i < measuredColors.size(); i++) {
            errors.setSeriesPaint(i, measuredColors.get(i));
            errors.setSeriesStroke(i, Palette.LINE);
        }
        notes.forEach(plot::addAnnotation);
        for (int i = 0; i < lineColors.size(); i++) {
            referenceRenderer.setSeriesPaint(i, lineColors.get(i));
            referenceRenderer.setSeriesStroke(i, lineStrokes.get(i));
        }
        return chart;
    }
}
