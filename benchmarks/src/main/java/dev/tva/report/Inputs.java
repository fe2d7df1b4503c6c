package dev.tva.report;

import dev.tva.engine.CrossoverResult;
import dev.tva.workloads.RunResult;

import java.util.List;

/**
 * Everything the report read from a results folder, typed: every file with its kind, and the records of each
 * kind with the file they came from. Lists are in file order (sorted paths), then in the file's own order.
 *
 * @param label  the results folder as the user named it ({@code docs/results}), for the report's text
 * @param files  every JSON file read, sorted by path
 */
public record Inputs(String label, List<InputFile> files, List<Sourced<RunResult>> runs, List<Sourced<ServerRow>> servers,
                     List<Sourced<LoadRun>> loads, List<Sourced<FootprintRow>> footprints, List<Sourced<JmhScore>> jmh,
                     List<Sourced<CrossoverResult>> crossovers) {

    public Inputs {
        files = List.copyOf(files);
        runs = List.copyOf(runs);
        servers = List.copyOf(servers);
        loads = List.copyOf(loads);
        footprints = List.copyOf(footprints);
        jmh = List.copyOf(jmh);
        crossovers = List.copyOf(crossovers);
    }
}
