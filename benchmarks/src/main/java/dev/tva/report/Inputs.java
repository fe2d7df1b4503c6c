package dev.tva.report;

import dev.tva.engine.CrossoverResult;
import dev.tva.engine.IdleResult;
import dev.tva.engine.OverloadResult;
import dev.tva.engine.SlowlorisResult;
import dev.tva.engine.SoakResult;
import dev.tva.workloads.RunResult;

import java.util.List;

/**
 * Everything the report read from a results folder, typed: every file with its kind, and the records of each
 * kind with the file they came from. Lists are in file order (sorted paths), then in the file's own order.
 *
 * @param label  the results folder as the user named it ({@code docs/results}), for the report's text
 * @param files  every JSON file read, sorted by path
 * @param reliability the records of lab soak, overload, idle and slowloris
 */
public record Inputs(String label, List<InputFile> files, List<Sourced<RunResult>> runs, List<Sourced<ServerRow>> servers,
                     List<Sourced<LoadRun>> loads, List<Sourced<FootprintRow>> footprints, List<Sourced<JmhScore>> jmh,
                     List<Sourced<CrossoverResult>> crossovers, Reliability reliability) {

    /** The reliability results: how servers bear time, overload, idle connections and slow clients. */
    public record Reliability(List<Sourced<SoakResult>> soaks, List<Sourced<OverloadResult>> overloads, List<Sourced<IdleResult>> idles,
                              List<Sourced<SlowlorisResult>> slowloris) {
        public Reliability {
            soaks = List.copyOf(soaks);
            overloads = List.copyOf(overloads);
            idles = List.copyOf(idles);
            slowloris = List.copyOf(slowloris);
        }

        /** True when the inputs hold none of them. */
        public boolean isEmpty() {
            return soaks.isEmpty() && overloads.isEmpty() && idles.isEmpty() && slowloris.isEmpty();
        }
    }

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
