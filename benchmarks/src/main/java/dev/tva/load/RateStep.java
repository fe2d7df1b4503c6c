package dev.tva.load;

import java.time.Duration;
import java.util.Objects;

/**
 * One stretch of an open-model run at a constant rate. A run of several steps changes its rate without
 * a pause between them, so a server's backlog carries over from one step to the next (an overload, then
 * the recovery at a lower rate).
 *
 * @param ratePerSec requests per second during this step, above 0 and at most {@link LoadSettings#MAX_RATE_PER_SEC}
 * @param duration   how long the step lasts, 1 ms to 1 h
 */
public record RateStep(double ratePerSec, Duration duration) {
    public RateStep {
        if (!(ratePerSec > 0 && ratePerSec <= LoadSettings.MAX_RATE_PER_SEC)) {
            throw new IllegalArgumentException("rate must be above 0 and at most " + (long) LoadSettings.MAX_RATE_PER_SEC
                    + " per second, got " + ratePerSec);
        }
        Objects.requireNonNull(duration, "duration");
        if (duration.compareTo(Duration.ofMillis(1)) < 0 || duration.compareTo(LoadSettings.MAX_DURATION) > 0) {
            throw new IllegalArgumentException("a step must last 1 ms to 1 h, got " + duration.toMillis() + " ms");
        }
    }

    /** How many requests fall due in this step: those whose offset from its start is below its duration. */
    long requests() {
        return (long) Math.ceil(duration.toNanos() * ratePerSec / 1e9);
    }
}
