package dev.tva.report.chart;

import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;

/** A base-10 log axis whose ticks sit at 1, 2 and 5 times a power of ten, labelled as plain numbers: 50, 100, 200, 500. */
final class NiceLogAxis extends LogAxis {
    private static final int[] STEPS = {1, 2, 5};

    NiceLogAxis(String label) {
        super(label);
        setMinorTickMarksVisible(false);
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(TextAnchor.TOP_CENTER);
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected List refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        return ticks(TextAnchor.CENTER_RIGHT);
    }

    private List<NumberTick> ticks(TextAnchor anchor) {
        List<NumberTick> ticks = new ArrayList<>();
        double low = getLowerBound();
        double high = getUpperBound();
        int span = (int) Math.floor(Math.log10(high)) - (int) Math.floor(Math.log10(low));
        NumberFormat format = Svg.decimals(low < 1 ? 3 : 0);
        for (int e = (int) Math.floor(Math.log10(low)); e <= (int) Math.ceil(Math.log10(high)); e++) {
            for (int step : STEPS) {
                double v = step * Math.pow(10, e);
                // Over three decades, powers of ten alone keep the labels apart.
                if (v >= low && v <= high && (span < 3 || step == 1)) {
                    ticks.add(new NumberTick(TickType.MAJOR, v, format.format(v), anchor, TextAnchor.CENTER, 0.0));
                }
            }
        }
        return ticks;
    }
}
