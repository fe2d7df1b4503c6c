package dev.tva.bench;

import java.util.Objects;

/** A JMH score, mean ± the half-width of its 99.9% interval in JMH's unit, that knows whether it measurably differs from another. */
public record Score(double mean, double error, String unit) {
    /*
     * JMH's scoreError is NaN when a run had too few iterations for an interval. Two scores differ
     * measurably only when their intervals do not overlap, and a ratio between them is worth stating
     * only then: this record is the one place that rule is decided.
     */

    public Score {
        Objects.requireNonNull(unit, "unit");
        if (error < 0) {
            throw new IllegalArgumentException("a score error is a half-width, >= 0; got " + error);
        }
    }

    /** The lower end of the interval. */
    public double low() {
        return mean - error;
    }

    /** The upper end of the interval. */
    public double high() {
        return mean + error;
    }

    /** False when JMH reported no interval (one iteration, or a single fork with one sample). */
    public boolean hasInterval() {
        return !Double.isNaN(error);
    }

    /**
     * True when the two intervals do not overlap, not even at one end point. A score without an interval
     * separates from nothing: with no error known, no difference is measurable.
     */
    public boolean separatesFrom(Score other) {
        requireSameUnit(other);
        if (!hasInterval() || !other.hasInterval()) {
            return false;
        }
        return high() < other.low() || other.high() < low();
    }

    /** This mean over the other's: {@code 7.2} when this score is 7.2 times the other. */
    public double ratio(Score other) {
        requireSameUnit(other);
        return mean / other.mean;
    }

    /** The same measurement scaled by a constant, such as one core's rate times the number of cores. */
    public Score times(double factor) {
        return new Score(mean * factor, error * Math.abs(factor), unit);
    }

    private void requireSameUnit(Score other) {
        if (!unit.equals(other.unit)) {
            throw new IllegalArgumentException("cannot compare " + unit + " with " + other.unit);
        }
    }
}
