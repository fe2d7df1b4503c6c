package dev.tva.engine;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A figure a soak run follows over time, with the change over the run it tolerates before calling the
 * figure GROWING or SHRINKING: the largest of a share of the figure's median, an absolute amount and, for
 * open file descriptors, a multiple of the requests in flight.
 *
 * <p>The tolerances, and why a healthy server stays within them while a leak does not:
 * <ul>
 * <li>heap after GC: 10% or 16 MiB. What survives the full collection asked for before each sample moves a
 *     little with the requests in flight at that moment and with caches that settle after the warm-up; a leak of 1 KiB per request at 1,000/s adds about
 *     590 MiB in 10 minutes, and one of 100 bytes per request nearly 60 MiB.</li>
 * <li>RSS: 10% or 32 MiB. The JVM grows its committed heap and code cache in steps, and the kernel keeps
 *     pages it is not asked to take back, so RSS lags the heap and moves in jumps; a leak outgrows it.</li>
 * <li>threads (the JVM's and the kernel's count): 2% or 2. Pools of platform threads are fixed or grow
 *     only to a cap, and virtual threads are not counted; one thread per request or per stuck task that
 *     is never ended adds hundreds.</li>
 * <li>open file descriptors: 2%, 4, or twice the requests in flight (by Little's law, the rate times the
 *     median latency). The generator opens a keep-alive connection whenever every open one is busy and keeps it,
 *     and the server's own client keeps a backend connection per request in flight for a while, so the count
 *     follows the busiest recent moments of the load: up to one descriptor on each side per request in flight,
 *     more after a stall. A socket or file never closed adds one per request: at 1,000/s, thousands a minute.</li>
 * <li>p99 of each interval: 50% or 10 ms. On shared cores an interval's p99 moves by tens of percent with
 *     the neighbours and the collector; a server that falls behind (a growing queue, a heap ever closer
 *     to full) doubles it and more.</li>
 * </ul>
 */
public enum SoakFigure {
    HEAP_AFTER_GC("heapAfterGc", "heap after GC", "MiB", 0.10, 16, 0, s -> mib(s.server().heapAfterGcKib())),
    RSS("rss", "RSS", "MiB", 0.10, 32, 0, s -> mib(s.server().rssKib())),
    JVM_THREADS("jvmThreads", "threads (JVM)", "", 0.02, 2, 0, s -> s.server().jvmThreads()),
    OS_THREADS("osThreads", "threads (OS)", "", 0.02, 2, 0, s -> s.server().osThreads()),
    OPEN_FDS("openFds", "open FDs", "", 0.02, 4, 2, s -> s.server().openFds()),
    P99("p99", "p99", "ms", 0.50, 10, 0, s -> s.answered() == 0 ? -1 : s.latencyMicros().p99() / 1000.0);

    private final String id;
    private final String label;
    private final String unit;
    private final double relative;
    private final double absolute;
    private final double perInFlight;
    private final ToDoubleFunction<SoakSample> value;

    SoakFigure(String id, String label, String unit, double relative, double absolute, double perInFlight, ToDoubleFunction<SoakSample> value) {
        this.id = id;
        this.label = label;
        this.unit = unit;
        this.relative = relative;
        this.absolute = absolute;
        this.perInFlight = perInFlight;
        this.value = value;
    }

    /** The id in results JSON, e.g. {@code heapAfterGc}. */
    @JsonValue
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /** The share of the median the figure may change by over the run, e.g. 0.10. */
    public double relative() {
        return relative;
    }

    /** The change over the run, in {@link #unit}, tolerated whatever the median. */
    public double absolute() {
        return absolute;
    }

    /** The figure in a sample, in {@link #unit}; negative when it was not measured. */
    public double of(SoakSample sample) {
        return value.applyAsDouble(sample);
    }

    /** How many of the figure's units each request in flight may add to the tolerance; 0 when the load does not count. */
    public double perInFlight() {
        return perInFlight;
    }

    /** The tolerated change over the run for this median and these requests in flight: the largest of the bounds. */
    public double allowed(double median, double inFlight) {
        return Math.max(Math.max(relative * Math.abs(median), absolute), perInFlight * inFlight);
    }

    /** The rule in words, e.g. {@code within ±10% of the median or ±16 MiB, whichever is larger}. */
    public String tolerance() {
        String amount = plain(absolute) + (unit.isEmpty() ? "" : " " + unit);
        if (perInFlight == 0) {
            return String.format(Locale.ROOT, "within ±%.0f%% of the median or ±%s, whichever is larger", relative * 100, amount);
        }
        return String.format(Locale.ROOT, "within ±%.0f%% of the median, ±%s or ±%s per request in flight (rate × median latency),"
                + " whichever is larger", relative * 100, amount, plain(perInFlight));
    }

    /** {@code 16} for a whole number, {@code 2.5} otherwise. */
    private static String plain(double amount) {
        return amount == Math.rint(amount) ? Long.toString((long) amount) : Double.toString(amount);
    }

    private static double mib(long kib) {
        return kib < 0 ? -1 : kib / 1024.0;
    }
}
