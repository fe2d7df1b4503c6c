package dev.tva.workloads;

import org.HdrHistogram.AbstractHistogram;

/** Latency percentiles in microseconds, as written in every result. */
public record LatencySummary(long p50, long p90, long p99, long p999, long max) {

    /** Reads the percentiles of a histogram recorded in microseconds. */
    public static LatencySummary of(AbstractHistogram micros) {
        if (micros.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0);
        }
        return new LatencySummary(
                micros.getValueAtPercentile(50),
                micros.getValueAtPercentile(90),
                micros.getValueAtPercentile(99),
                micros.getValueAtPercentile(99.9),
                micros.getMaxValue());
    }
}
