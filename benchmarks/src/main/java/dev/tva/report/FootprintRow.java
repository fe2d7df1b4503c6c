package dev.tva.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.tva.workloads.Environment;

/** One {@code lab footprint} measurement: bytes per parked task of one model at one count, or why it was skipped. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FootprintRow(String model, int tasks, Long heapBytesPerTask, Long rssBytesPerTask, Long kernelStackBytesPerTask,
                           String skipped, Environment env) {

    /** What one parked task costs the machine, as lab footprint counts it: resident memory plus an OS thread's kernel stack. */
    public Long totalBytesPerTask() {
        return rssBytesPerTask == null ? null
                : rssBytesPerTask + Math.max(0, kernelStackBytesPerTask == null ? 0 : kernelStackBytesPerTask);
    }
}
