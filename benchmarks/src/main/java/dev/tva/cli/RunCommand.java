package dev.tva.cli;

import dev.tva.engine.DatabaseSource;
import dev.tva.engine.Measurement;
import dev.tva.engine.ModelSpec;
import dev.tva.engine.Runner;
import dev.tva.engine.UserException;
import dev.tva.report.Describe;
import dev.tva.report.ResultTable;
import dev.tva.workloads.Client;
import dev.tva.workloads.CpuPlacement;
import dev.tva.workloads.LeakSweep;
import dev.tva.workloads.Model;
import dev.tva.workloads.Results;
import dev.tva.workloads.RunResult;
import dev.tva.workloads.Workload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code lab run}: one model, one workload, measured. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs one workload on one model and prints its throughput beside the bound, latency percentiles, CPU time, threads and memory.",
                "Example: lab run --model virtual --workload sleep --latency 100ms --concurrency 10000"})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "ID", required = true, converter = Converters.ModelConverter.class,
            description = "platform | virtual | event-loop")
    Model model;

    @Mixin
    Options.WorkloadOptions workload;

    @Option(names = "--client", paramLabel = "ID", converter = Converters.ClientConverter.class, defaultValue = "lean",
            description = "HTTP client of http, mixed and fanout: lean (the lab's own, the same work in each model) | library (Helidon WebClient, Netty's HTTP codec) (default: ${DEFAULT-VALUE})")
    Client client;

    @Mixin
    Options.LoadOptions load;

    @Mixin
    Options.ModelOptions models;

    @Mixin
    Options.DbOptions db;

    @Option(names = "--backend-pid", hidden = true, description = "process id of the --backend, to report its CPU time")
    Long backendPid;

    @Option(names = "--cpu-unit-nanos", hidden = true, description = "kernel cost per unit measured by the parent, for the bound")
    Double cpuUnitNanos;

    @Option(names = "--placed-by", hidden = true, description = "the --cpus its parent started this child under, to record")
    String placedBy;

    @Mixin
    CpusOption cpus;

    @Option(names = "--child", hidden = true, description = "run for a parent lab process: result only to --json")
    boolean child;

    @Override
    public Integer call() throws IOException {
        if (child && load.json == null) {
            throw new UserException(UserException.BAD_INPUT, "--child needs --json FILE");
        }
        CpuPlacement placement = cpus.placement(CpuPlacement.Layout.RUN);
        models.fitLoopsTo(placement);
        PrintWriter out = child ? new PrintWriter(java.io.Writer.nullWriter()) : spec.commandLine().getOut();
        Workload spec = workload.workload();
        ModelSpec modelSpec = models.spec(model);
        Measurement how = load.measurement();
        out.printf("run: %s | %s%s | %,d in flight | %s%n", modelSpec.label(), Describe.workload(spec),
                spec.type().needsBackend() ? " | " + client + " client" : "", load.concurrency, Describe.measurement(how));
        RunResult result;
        DatabaseSource database = spec.type().needsDatabase() ? DatabaseSource.require(System.getenv()) : null;
        try (database; Runner runner = new Runner(out, this.spec.commandLine().getErr(), load.timeout, load.backend, backendPid, !child && how.forks() > 1)) {
            if (database != null) {
                db.attach(runner, database, out);
            }
            runner.place(placement);
            if (placedBy != null) {
                runner.placedBy(placedBy);
            }
            if (placement.placed()) {
                out.println(placement.describe());
            }
            if (cpuUnitNanos != null) {
                runner.useNanosPerUnit(cpuUnitNanos);
            }
            runner.useClient(client);
            result = runner.run(modelSpec, spec, load.concurrency, child ? how.withForks(1) : how);
            ResultTable.print(out, List.of(result));
            out.println("  " + runner.env().oneLine());
        }
        if (child) {
            Results.write(load.json, result);
            LeakSweep.beforeExit(); // under a test's paranoid leak detection: report leaks to the parent now
            return 0;
        }
        out.println(Results.save("run-" + model.id() + "-" + spec.type().id(), result, load.json));
        return result.valid() ? 0 : UserException.FAILED;
    }
}
