package dev.tva.lessons;

import dev.tva.engine.Measurement;

import java.time.Duration;

/** The tour's fixed settings, printed at the start. */
public record TourSettings(Measurement measurement, int sleepConcurrency, long sleepMillis, int httpConcurrency, long httpMillis,
                           double cpuTaskMillis, int cpuConcurrency, long dbMillis, int dbPool, int dbConcurrency,
                           long serverMillis, int serverRate, int serverThreads, Duration serverDuration) {
    /** Every row: windows of 500 ms until steady (at most 4 s), then 4 measured windows, in a JVM of its own. */
    public static final TourSettings DEFAULT = new TourSettings(
            new Measurement(Duration.ofMillis(500), 4, Duration.ofSeconds(4), 1, null), 10_000, 100, 1_000, 50,
            1.0, 100, 10, 10, 1_000, 50, 1_000, 25, Duration.ofSeconds(2));
    /** Each server's JVM is fresh: it warms up until its CPU per answer is steady, at most this long. */
    static final Duration SERVER_WARMUP = Duration.ofSeconds(6);
    /** A request unanswered this long after its intended send time is a timeout (the thread-starved server's queue). */
    static final Duration SERVER_TIMEOUT = Duration.ofSeconds(3);
}
