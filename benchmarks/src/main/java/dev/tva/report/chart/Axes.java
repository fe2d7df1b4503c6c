package dev.tva.report.chart;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;

/** The axes the charts share: labelled with their unit, numbers formatted the same on every machine. */
final class Axes {

    private Axes() {
    }

    /** A base-10 log axis, for quantities that span orders of magnitude (tasks in flight, latency). */
    static ValueAxis log(String label) {
        return new NiceLogAxis(label);
    }

    /** A linear axis that starts at zero, so bars and gaps are read in proportion. */
    static NumberAxis fromZero(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(true);
        axis.setNumberFormatOverride(Svg.integers());
        return axis;
    }
}
