package dev.tva.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param stealPercent  the percentage of the machine's CPU time its host took in the interval
 *                      ({@link dev.tva.load.HostSteal}); null when unknown, and in results written before it was
 * @param kernelMonitorPercent the percentage the kernel's data-access monitor (DAMON's {@code kdamond}) took in the
 *                      interval ({@link dev.tva.load.KernelMonitor}); null on a machine that runs none, and in results
 *                      written before it was
 */
public record SoakSample(long elapsedMillis, ServerProbe.Sample server, LatencySummary latencyMicros, long answered,
                         long errors, long timeouts, @JsonInclude(JsonInclude.Include.NON_NULL) Double stealPercent,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Double kernelMonitorPercent) {

    /** A sample whose steal time and kernel monitor's share are not known. */
    public SoakSample(long elapsedMillis, ServerProbe.Sample server, LatencySummary latencyMicros, long answered, long errors, long timeouts) {
        this(elapsedMillis, server, latencyMicros, answered, errors, timeouts, null, null);
    }

    /** Whether answers came in the interval and their p99 was over {@code sloMicros}. */
    public boolean overSlo(long sloMicros) {
        return answered > 0 && latencyMicros.p99() > sloMicros;
    }

    /** Whether the host took {@link Recovery#STOLEN_PERCENT} or more of the machine's CPU in the interval. */
    public boolean stolen() {
        return Recovery.stolen(stealPercent);
    }
}
