package dev.tva.report;

import dev.tva.engine.Measurement;
import dev.tva.workloads.DbQuery;
import dev.tva.workloads.Workload;

import java.util.Locale;

/** Workload specs and measurements in words, for the line each command prints before it runs. */
public final class Describe {
    private Describe() {
    }

    /** {@code 250 ms}, {@code 2 s}. */
    public static String duration(java.time.Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    public static String workload(Workload workload) {
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

    /** One line for the start of a run: how it is measured. */
    public static String measurement(Measurement how) {
        String measured = how.fixedTasks()
                ? String.format(Locale.ROOT, "%,d tasks measured", how.tasks())
                : how.windows() + " x " + duration(how.window()) + " measured";
        return "warm-up in " + duration(how.window()) + " windows until steady (at most " + duration(how.warmup())
                + "), " + measured + (how.forks() > 1 ? ", " + how.forks() + " forks" : "");
    }
}
