package dev.tva.engine;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tva.workloads.Environment;
import dev.tva.workloads.RunResult;

import java.util.List;

/**
 * One crossover sweep, as written to results JSON: for every cell of the grid (the share of each task spent
 * waiting, against computing, by the number of tasks in flight) the runs of every model on the same task.
 *
 * <p>A task is a backend call answered after {@code waitMillis}, then {@code cpuUnits} units of the CPU kernel
 * (the {@code mixed} workload). {@code kind} is always {@value #KIND}, so a reader can tell this file from a
 * list of runs.
 */
@JsonPropertyOrder({"kind", "quick", "taskMicros", "cells", "env"})
public record CrossoverResult(String kind, boolean quick, long taskMicros, List<Cell> cells, Environment env) {

    /** The value of {@code kind} in every crossover file. */
    public static final String KIND = "crossover";

    public CrossoverResult {
        cells = List.copyOf(cells);
    }

    /**
     * One point of the grid: the nominal share of a task spent waiting, what that came to in milliseconds of
     * backend wait and units of CPU work (about {@code cpuMicros} of CPU on this machine), the number of
     * tasks in flight, and one run per model.
     */
    @JsonPropertyOrder({"waitShare", "waitMillis", "cpuUnits", "cpuMicros", "concurrency", "results"})
    public record Cell(double waitShare, long waitMillis, int cpuUnits, double cpuMicros, int concurrency,
                       List<RunResult> results) {
        public Cell {
            results = List.copyOf(results);
        }
    }
}
