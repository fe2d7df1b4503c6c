package dev.tva.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.tva.workloads.Environment;
import dev.tva.workloads.LatencySummary;

/** The fields of a {@code lab load} run that the report reads. {@code targetPerSec} is null in the closed model. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LoadRun(String model, String url, Double targetPerSec, double achievedPerSec, LatencySummary latencyMicros,
                      long errors, long timeouts, boolean valid, Environment env) {
}
