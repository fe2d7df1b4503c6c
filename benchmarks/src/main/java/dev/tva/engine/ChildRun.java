package dev.tva.engine;

import dev.tva.workloads.Client;
import dev.tva.workloads.DbSettings;
import dev.tva.workloads.Workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The {@code lab run} arguments that repeat one experiment in a child JVM. */
public final class ChildRun {
    /**
     * The lab's entry point, the main class every child JVM runs. The engine names it rather than import
     * the command line, which imports the engine; a test checks that it is the command line's class.
     */
    public static final String MAIN_CLASS = "dev.tva.cli.Lab";

    private ChildRun() {
    }

    static List<String> args(ModelSpec spec, Client client, Workload workload, int concurrency, Measurement how, Duration timeout,
                             DbSettings db) {
        List<String> args = new ArrayList<>(List.of("run",
                "--model", spec.model().id(), "--threads", Integer.toString(spec.threads()), "--loops", Integer.toString(spec.loops()),
                "--client", client.id(),
                "--workload", workload.type().id(), "--concurrency", Integer.toString(concurrency),
                "--window", how.window().toMillis() + "ms", "--windows", Integer.toString(how.windows()),
                "--warmup", how.warmup().toMillis() + "ms", "--forks", Integer.toString(how.forks()),
                "--timeout", timeout.toMillis() + "ms"));
        if (how.fixedTasks()) {
            args.addAll(List.of("--tasks", Integer.toString(how.tasks())));
        }
        switch (workload) {
            case Workload.Sleep s -> args.addAll(List.of("--latency", s.latencyMillis() + "ms"));
            case Workload.Http h -> args.addAll(List.of("--latency", h.latencyMillis() + "ms", "--bytes", Integer.toString(h.bytes())));
            case Workload.Cpu c -> args.addAll(List.of("--work", Integer.toString(c.units())));
            case Workload.Mixed m -> args.addAll(List.of("--latency", m.http().latencyMillis() + "ms",
                    "--bytes", Integer.toString(m.http().bytes()), "--work", Integer.toString(m.cpu().units())));
            case Workload.FanOut f -> args.addAll(List.of("--latency", f.latencyMillis() + "ms",
                    "--bytes", Integer.toString(f.bytes()), "--calls", Integer.toString(f.calls())));
            case Workload.Db d -> args.addAll(List.of("--latency", d.latencyMillis() + "ms", "--query", d.query().id(),
                    "--pool", Integer.toString(db.poolSize()), "--bulkhead", Integer.toString(db.bulkhead()),
                    "--connection-timeout", db.connectionTimeout().toMillis() + "ms",
                    "--statement-timeout", db.statementTimeout().toMillis() + "ms"));
        }
        return args;
    }
}
