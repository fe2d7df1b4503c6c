package dev.tva.engine;

import org.apache.commons.math3.stat.descriptive.rank.Median;

import java.util.List;
import java.util.Optional;

/**
 * How one figure moved over a soak run: its floor (lowest sample) in the last third of the run against its
 * floor in the first third, and the verdict against the figure's tolerance.
 *
 * @param figure         which figure
 * @param samples        how many samples were judged
 * @param median         the samples' median, in the figure's unit
 * @param inFlight       requests in flight over the run ({@link #inFlight}), which some tolerances grow with
 * @param firstFloor     the lowest sample of the first third of the run
 * @param lastFloor      the lowest sample of the last third
 * @param change         {@code lastFloor - firstFloor}, in the unit
 * @param changeRelative {@code change / median}; null when the median is 0
 * @param allowed        the change tolerated either way ({@link SoakFigure#allowed})
 * @param tolerance      that rule in words
 * @param verdict        FLAT within {@code allowed}, else GROWING or SHRINKING
 */
public record Trend(SoakFigure figure, int samples, double median, double inFlight, double firstFloor, double lastFloor, double change,
                    Double changeRelative, double allowed, String tolerance, Verdict verdict) {

    /** Which way a figure went, judged against its tolerance. */
    public enum Verdict { FLAT, GROWING, SHRINKING }

    /*
     * Floors rather than a line through every sample. What a server holds for its load comes and goes with
     * the load: a second when the neighbours took the CPU leaves more requests in flight, so more connections,
     * buffers and threads for a while, and then they are given back. Such a hump late in the run tilts a
     * least-squares line as much as a leak would. A leak never gives back what it took, so it raises every
     * sample after it, the lowest of the last third included; a hump does not lower the lowest sample, and
     * does not raise it unless it lasts the whole last third (a third of a 10-minute run is 200 s).
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
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = figure.of(samples.get(i));
            if (y[i] < 0) {
                return Optional.empty();
            }
        }
        if (figure == SoakFigure.HEAP_AFTER_GC && !collectedDuring(samples)) {
            return Optional.empty(); // the server ignored the GC asked for: every sample repeats one older figure
        }
        int third = third(n);
        double firstFloor = floor(y, 0, third);
        double lastFloor = floor(y, n - third, n);
        double change = lastFloor - firstFloor;
        double median = new Median().evaluate(y);
        double inFlight = inFlight(samples);
        double allowed = figure.allowed(median, inFlight);
        Verdict verdict = change > allowed ? Verdict.GROWING : change < -allowed ? Verdict.SHRINKING : Verdict.FLAT;
        return Optional.of(new Trend(figure, n, median, inFlight, firstFloor, lastFloor, change, median == 0 ? null : change / median,
                allowed, figure.tolerance(), verdict));
    }

    /** How many samples make a third of a run of {@code samples}: the first and the last third whose floors are compared. */
    public static int third(int samples) {
        return Math.max(1, samples / 3);
    }

    /**
     * Requests in flight over the run by Little's law: in each interval its answers a second times its median
     * latency, and the median of those over the intervals.
     */
    public static double inFlight(List<SoakSample> samples) {
        double[] inFlight = new double[samples.size()];
        long before = 0;
        for (int i = 0; i < inFlight.length; i++) {
            SoakSample s = samples.get(i);
            double seconds = (s.elapsedMillis() - before) / 1000.0;
            inFlight[i] = seconds <= 0 ? 0 : s.answered() / seconds * s.latencyMicros().p50() / 1e6;
            before = s.elapsedMillis();
        }
        return new Median().evaluate(inFlight);
    }

    /** True when the server's collectors ran between the first sample and the last, so heap after GC was read afresh. */
    public static boolean collectedDuring(List<SoakSample> samples) {
        long first = samples.getFirst().server().gcCount();
        long last = samples.getLast().server().gcCount();
        return first >= 0 && last > first;
    }

    private static double floor(double[] y, int from, int to) {
        double min = Double.MAX_VALUE;
        for (int i = from; i < to; i++) {
            min = Math.min(min, y[i]);
        }
        return min;
    }
}
