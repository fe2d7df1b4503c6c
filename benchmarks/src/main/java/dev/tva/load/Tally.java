package dev.tva.load;

import dev.tva.workloads.Experiment;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The run's counters, shared by all event loops and read live for progress. Only measured requests are
 * counted, except {@link #answers}, which feeds the progress rate. The run's latencies are not here: each
 * loop records its own histogram, merged when the loops have stopped; {@link #interval} holds only those of
 * the current progress interval, for callers that follow a long run second by second.
 */
final class Tally {
    final LongAdder scheduled = new LongAdder();
    final LongAdder sent = new LongAdder();
    final LongAdder completed = new LongAdder();
    final LongAdder connectionErrors = new LongAdder();
    final LongAdder timeouts = new LongAdder();
    final LongAdder lateNoConnection = new LongAdder();
    final LongAdder lateGenerator = new LongAdder();
    final LongAdder connectionsOpened = new LongAdder();
    final LongAdder answers = new LongAdder();
    /** Latencies (µs) of the measured 2xx answers since the last {@link #takeInterval}; every loop writes, wait-free. */
    private final Recorder interval = new Recorder(Driver.HIGHEST_MICROS, 3);
    private final Map<Integer, LongAdder> statusErrors = new ConcurrentHashMap<>();
    private final AtomicReference<String> firstError = new AtomicReference<>();

    void recordInterval(long micros) {
        interval.recordValue(micros);
    }

    /** The latencies recorded since the last call, and a fresh interval from now on. */
    Histogram takeInterval() {
        return interval.getIntervalHistogram();
    }

    void statusError(int status, String url) {
        statusErrors.computeIfAbsent(status, s -> new LongAdder()).increment();
        firstError.compareAndSet(null, "answered " + status + " to GET " + url);
    }

    void connectionError(Throwable cause) {
        connectionErrors.increment();
        noteFirstError(cause);
    }

    /** Keeps the first failure's description for the report. */
    void noteFirstError(Throwable cause) {
        if (firstError.get() == null) {
            firstError.compareAndSet(null, Experiment.describe(cause));
        }
    }

    long errors() {
        long sum = connectionErrors.sum();
        for (LongAdder count : statusErrors.values()) {
            sum += count.sum();
        }
        return sum;
    }

    long late() {
        return lateNoConnection.sum() + lateGenerator.sum();
    }

    /** Errors by status code, in order, e.g. {@code {"500": 118, "503": 2}}. */
    Map<String, Long> errorsByStatus() {
        Map<String, Long> byStatus = new TreeMap<>();
        statusErrors.forEach((status, count) -> byStatus.put(Integer.toString(status), count.sum()));
        return byStatus;
    }

    String firstError() {
        return firstError.get();
    }
}
