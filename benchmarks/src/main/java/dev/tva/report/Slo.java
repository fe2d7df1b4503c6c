package dev.tva.report;

/** The latency objective the report judges servers by. */
public final class Slo {
    /*
     * 100 ms at the 99th percentile: the default --slo of lab servers, which reports the highest rate each
     * server sustains within it. Its /io endpoint waits 50 ms on the backend, so the objective leaves the
     * server as much time again for queueing and its own work.
     */
    public static final int P99_MILLIS = 100;

    private Slo() {
    }
}
