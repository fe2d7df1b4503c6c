package dev.tva.report.chart;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * HdrHistogram's percentile axis: a value {@code x = 1 / (1 - p)} on a log scale, so 90%, 99%, 99.9% and
 * 99.99% are equally spaced and the tail gets the room it deserves. Ticks are labelled with the percentile.
 */
final class PercentileAxis extends LogAxis {
    private static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99, 99.999};
    private static final String[] LABELS = {"50%", "90%", "99%", "99.9%", "99.99%", "99.999%"};

    PercentileAxis(String label, double highestPercentile) {
        super(label);
        double top = 10;
        while (top < x(highestPercentile)) {
            top *= 10;
        }
        // Room to the right of the last tick, so its label is not cut.
        setRange(1, top * 2);
        setAutoRange(false);
        setMinorTickMarksVisible(false);
    }

    /** Where percentile {@code p} (0..100) sits on this axis. */
    static double x(double p) {
        return 1 / (1 - p / 100);
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        List<NumberTick> ticks = new ArrayList<>();
        for (int i = 0; i < PERCENTILES.length; i++) {
            double x = x(PERCENTILES[i]);
            if (x <= getUpperBound() * 1.0001) {
                ticks.add(new NumberTick(TickType.MAJOR, x, LABELS[i], TextAnchor.TOP_CENTER, TextAnchor.CENTER, 0.0));
            }
        }
        return ticks;
    }
}
