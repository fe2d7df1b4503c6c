package dev.tva.workloads;

import org.apache.commons.math3.distribution.TDistribution;

import java.util.Arrays;

/**
 * A mean with its 95% confidence interval (Student's t over independent samples, as JMH computes its
 * error): {@code mean ± t(0.975, n-1) * s / sqrt(n)}. With one sample there is no interval, and
 * {@link #low()} and {@link #high()} are NaN.
 *
 * @param mean the samples' mean
 * @param low  the interval's lower end (NaN with fewer than two samples)
 * @param high the interval's upper end (NaN with fewer than two samples)
 * @param n    how many samples
 */
public record Interval(double mean, double low, double high, int n) {
    /** The confidence level of every interval the lab reports. */
    public static final double CONFIDENCE = 0.95;

    /** The mean of {@code samples} with its 95% Student-t interval. */
    public static Interval of(double... samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("an interval needs at least one sample");
        }
        double mean = Arrays.stream(samples).average().orElseThrow();
        if (samples.length < 2) {
            return new Interval(mean, Double.NaN, Double.NaN, 1);
        }
        double squares = 0;
        for (double x : samples) {
            squares += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(squares / (samples.length - 1));
        double t = new TDistribution(samples.length - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        double half = t * sd / Math.sqrt(samples.length);
        return new Interval(mean, mean - half, mean + half, samples.length);
    }

    /** True when there were enough samples for an interval. */
    public boolean known() {
        return n >= 2 && Double.isFinite(low) && Double.isFinite(high);
    }

    /** Half the interval's width, or NaN without one. */
    public double halfWidth() {
        return known() ? (high - low) / 2 : Double.NaN;
    }

    /** The half-width as a fraction of the mean (0.03 for "± 3%"), or NaN without an interval. */
    public double relativeHalfWidth() {
        return known() && mean != 0 ? halfWidth() / Math.abs(mean) : Double.NaN;
    }

    /**
     * True when the two intervals share no point, so a difference between them can be claimed. Without an
     * interval on either side, nothing separates: one sample cannot show a difference.
     */
    public boolean separatesFrom(Interval other) {
        return known() && other.known() && (high < other.low || other.high < low);
    }
}
