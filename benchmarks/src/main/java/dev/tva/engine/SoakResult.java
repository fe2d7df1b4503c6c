package dev.tva.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tva.workloads.Environment;
import dev.tva.workloads.web.Endpoint;

import java.util.List;

/**
 * A soak run as written to results JSON: the settings, every sample after the warm-up, each figure's trend,
 * and whether the server held: a valid load, no figure GROWING, no interval's p99 over the SLO.
 *
 * @param attachProblem why heap after GC and the JVM's thread count are missing, null when they are measured
 * @param sloBreaches   samples whose interval's p99 was over {@code sloMillis}
 * @param growing       the figures whose trend is GROWING
 * @param connectionsOpened connections the generator opened to the server, warm-up included
 * @param cpus          the placement as {@code --cpus} names it, null when not placed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SoakResult(String kind, String server, Endpoint endpoint, String path, double targetPerSec, long durationMillis,
                         long warmupMillis, long sampleMillis, int connections, long timeoutMillis, long sloMillis,
                         String attachProblem, List<SoakSample> samples, List<Trend> trends, List<SoakFigure> growing,
                         long sloBreaches, long sent, long completed, long connectionsOpened, long errors, long timeouts, boolean valid,
                         String invalidReason, boolean held, Environment env, String cpus) {
}
