package dev.tva.cli;

import dev.tva.verdict.ModelVerdicts;
import dev.tva.workloads.CpuPlacement;
import dev.tva.workloads.Model;
import dev.tva.workloads.Results;
import dev.tva.workloads.RunResult;
import dev.tva.workloads.Workload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code lab compare}: the same workload on all three models, one table. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs one workload on platform, virtual and event-loop in turn, with the same settings, and prints one table.",
                "Example: lab compare --workload http --latency 50ms --concurrency 1000 --forks 2"})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Options.WorkloadOptions workload;

    @Mixin
    Options.LoadOptions load;

    @Mixin
    Options.ModelOptions models;

    @Mixin
    Options.DbOptions db;

    @Mixin
    CpusOption cpus;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Workload spec = workload.workload();
        CpuPlacement placement = cpus.placement(CpuPlacement.Layout.RUN);
        models.fitLoopsTo(placement);
        Measurement how = load.measurement();
        out.printf("compare: %s | %,d in flight | %s, virtual, %d event loops | each in its own JVM%n  %s%n",
                Describe.workload(spec), load.concurrency, models.spec(Model.PLATFORM).label(), models.loops(), how.describe());
        List<RunResult> results = new ArrayList<>();
        DatabaseSource database = spec.type().needsDatabase() ? DatabaseSource.require(System.getenv()) : null;
        try (database; Runner runner = new Runner(out, this.spec.commandLine().getErr(), load.timeout, load.backend, null, true)) {
            runner.place(placement);
            if (placement.placed()) {
                out.println(placement.describe());
            }
            if (database != null) {
                db.attach(runner, database, out);
            }
            for (Model model : Model.values()) {
                results.add(runner.run(models.spec(model), spec, load.concurrency, how));
            }
            ResultTable.print(out, results);
            out.println("  " + runner.env().oneLine());
        }
        out.println(ModelVerdicts.compare(results).text());
        out.println(Results.save("compare-" + spec.type().id(), results, load.json));
        return results.stream().allMatch(RunResult::valid) ? 0 : UserException.FAILED;
    }
}
