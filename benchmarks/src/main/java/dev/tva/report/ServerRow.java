package dev.tva.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.tva.workloads.Environment;
import dev.tva.workloads.LatencySummary;

/**
 * The fields of a {@code lab servers} row that the report reads: a server at one offered rate. {@code steady}
 * is null in rows measured before the servers' warm-up waited for a steady state.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServerRow(String server, String label, String endpoint, String path, double targetPerSec, double achievedPerSec,
                        Double boundPerSec, LatencySummary latencyMicros, long errors, long timeouts, boolean valid,
                        Boolean steady, long durationMillis, Environment env) {

    /** True when the row is valid and its p99 is within {@code sloMillis}. */
    public boolean meets(double sloMillis) {
        return valid && latencyMicros.p99() <= sloMillis * 1000;
    }
}
