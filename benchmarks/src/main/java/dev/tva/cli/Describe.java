package dev.tva.cli;

import dev.tva.workloads.DbQuery;
import dev.tva.workloads.Workload;

/** Workload specs in words, for the line each command prints before it runs. */
final class Describe {
    private Describe() {
    }

    /** {@code 250 ms}, {@code 2 s}. */
    static String duration(java.time.Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    static String workload(Workload workload) {
        return switch (workload) {
            case Workload.Sleep s -> "sleep " + s.latencyMillis() + " ms";
            case Workload.Http h -> "http: backend answers " + h.bytes() + " bytes after " + h.latencyMillis() + " ms";
            case Workload.Cpu c -> "cpu " + c.units() + " kernel units";
            case Workload.Mixed m -> "mixed: http " + m.http().latencyMillis() + " ms, then cpu " + m.cpu().units() + " units";
            case Workload.FanOut f -> "fanout: " + f.calls() + " backend calls at once, each answering " + f.bytes()
                    + " bytes after " + f.latencyMillis() + " ms";
            case Workload.Db d -> d.query() == DbQuery.SLEEP
                    ? "db: select pg_sleep(" + d.latencyMillis() / 1000.0 + ")"
                    : "db: indexed read of 5 rows";
        };
    }
}
