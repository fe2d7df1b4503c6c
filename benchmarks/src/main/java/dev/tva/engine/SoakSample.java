package dev.tva.engine;

import dev.tva.workloads.LatencySummary;

/**
 * One sample of a soak run: the server process's figures at its end, and the load of the interval it closes.
 *
 * @param elapsedMillis since the warm-up ended, at the end of the interval
 * @param server        the server process's figures ({@link ServerProbe}); -1 where not measured
 * @param latencyMicros the interval's latencies (its one-second histograms merged), from each request's intended time
 * @param answered      requests answered 2xx whose answer arrived in the interval
 * @param errors        requests of the interval answered otherwise or lost with their connection
 * @param timeouts      requests of the interval with no answer within the timeout
 */
public record SoakSample(long elapsedMillis, ServerProbe.Sample server, LatencySummary latencyMicros, long answered,
                         long errors, long timeouts) {
}
