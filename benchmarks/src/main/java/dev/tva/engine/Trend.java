package dev.tva.engine;

import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.regression.SimpleRegression;

import java.util.List;
import java.util.Optional;

/**
 * How one figure moved over a soak run: the least-squares line through its samples, read as the change
 * from the first sample's time to the last's, and the verdict against the figure's tolerance.
 *
 * @param figure         which figure
 * @param samples        how many samples the line goes through
 * @param median         the samples' median, in the figure's unit
 * @param changeOverRun  the line's slope times the time between the first and the last sample, in the unit
 * @param changeRelative {@code changeOverRun / median}; null when the median is 0
 * @param allowed        the change tolerated either way ({@link SoakFigure#allowed})
 * @param tolerance      that rule in words
 * @param verdict        FLAT within {@code allowed}, else GROWING or SHRINKING
 */
public record Trend(SoakFigure figure, int samples, double median, double changeOverRun, Double changeRelative,
                    double allowed, String tolerance, Verdict verdict) {

    /** Which way a figure went, judged against its tolerance. */
    public enum Verdict { FLAT, GROWING, SHRINKING }

    /*
     * A slope rather than last minus first: one sample taken just before a collection, or in a second
     * the neighbours took the CPU, moves the ends but barely the line. A steady leak moves both.
     */

    /**
     * The trend of {@code figure} over {@code samples} (in time order); empty when there are fewer than two,
     * when any of them lacks the figure (not measured), or, for heap after GC, when no collection ran between
     * the first sample and the last ({@link #collectedDuring}).
     */
    public static Optional<Trend> of(SoakFigure figure, List<SoakSample> samples) {
        int n = samples.size();
        if (n < 2) {
            return Optional.empty();
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = samples.get(i).elapsedMillis() / 1000.0;
            y[i] = figure.of(samples.get(i));
            if (y[i] < 0) {
                return Optional.empty();
            }
        }
        if (figure == SoakFigure.HEAP_AFTER_GC && !collectedDuring(samples)) {
            return Optional.empty(); // the server ignored the GC asked for: every sample repeats one older figure
        }
        SimpleRegression line = new SimpleRegression();
        for (int i = 0; i < n; i++) {
            line.addData(x[i], y[i]);
        }
        double slope = Double.isNaN(line.getSlope()) ? 0 : line.getSlope(); // NaN when all samples share one time
        double change = slope * (x[n - 1] - x[0]);
        double median = new Median().evaluate(y);
        double allowed = figure.allowed(median);
        Verdict verdict = change > allowed ? Verdict.GROWING : change < -allowed ? Verdict.SHRINKING : Verdict.FLAT;
        return Optional.of(new Trend(figure, n, median, change, median == 0 ? null : change / median, allowed,
                figure.tolerance(), verdict));
    }

    /** True when the server's collectors ran between the first sample and the last, so heap after GC was read afresh. */
    public static boolean collectedDuring(List<SoakSample> samples) {
        long first = samples.getFirst().server().gcCount();
        long last = samples.getLast().server().gcCount();
        return first >= 0 && last > first;
    }
}
