package dev.tva.workloads;

import java.time.Duration;
import java.util.List;

/**
 * When a run has warmed up: its work is counted in windows of fixed length, and it is steady once the
 * mean throughput of the last {@code span} windows is within {@code tolerance} of the mean of the
 * {@code span} windows before them. Comparing two blocks, not two single windows, catches a slow climb
 * (a JIT still compiling) that neighbouring windows would each pass. A run that is not steady after
 * {@code maxWarmupWindows} is measured anyway and reported as not steady; a cap of 0 skips the warm-up.
 *
 * @param window           the length of one window
 * @param span             windows in each of the two blocks compared
 * @param tolerance        the largest relative difference between the blocks' means, e.g. 0.05
 * @param maxWarmupWindows the warm-up cap, in windows
 */
public record SteadyState(Duration window, int span, double tolerance, int maxWarmupWindows) {

    public SteadyState {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
        Checks.range("span", span, 1, 100);
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be between 0 and 1, got " + tolerance);
        }
        Checks.range("maxWarmupWindows", maxWarmupWindows, 0, 10_000);
    }

    /** The lab's rule with windows of {@code window} and a warm-up cap of {@code maxWarmup}: blocks of 2 windows within 5%. */
    public static SteadyState of(Duration window, Duration maxWarmup) {
        int cap = (int) Math.ceil(maxWarmup.toNanos() / (double) window.toNanos());
        return new SteadyState(window, 2, 0.05, cap);
    }

    /** True when the series of window throughputs (oldest first) has settled by this rule. */
    public boolean settled(List<Double> perSecond) {
        return settled(perSecond, 0);
    }

    /**
     * True when the series of a per-window figure (oldest first) has settled by this rule, or when its two
     * blocks differ by no more than {@code resolution}, the smallest difference the figure can show (a
     * figure read from a coarse clock cannot settle within a tolerance finer than its clock).
     */
    public boolean settled(List<Double> perWindow, double resolution) {
        int n = perWindow.size();
        if (n < 2 * span) {
            return false;
        }
        double recent = mean(perWindow.subList(n - span, n));
        double before = mean(perWindow.subList(n - 2 * span, n - span));
        double scale = Math.max(Math.abs(recent), Math.abs(before));
        // Nothing completing (connections still opening, a stall) is not a steady state to measure; a figure
        // that stays at zero within its resolution (a clock too coarse to show it) is.
        return (scale > 0 || resolution > 0) && Math.abs(recent - before) <= Math.max(tolerance * scale, resolution);
    }

    /** True when the warm-up must stop, settled or not. */
    public boolean capped(int warmupWindows) {
        return warmupWindows >= maxWarmupWindows;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
