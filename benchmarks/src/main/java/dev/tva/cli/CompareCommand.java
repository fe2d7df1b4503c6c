package dev.tva.cli;

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
                "Example: lab compare --workload http --latency 50ms --tasks 20000 --concurrency 1000"})
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

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Workload spec = workload.workload();
        out.printf("compare: %s | %,d tasks, %,d in flight, %s warm-up | %s, virtual, %d event loops | each in its own JVM%n",
                Describe.workload(spec), load.tasks, load.concurrency, Describe.duration(load.warmup),
                models.spec(Model.PLATFORM).label(), models.loops());
        List<RunResult> results = new ArrayList<>();
        DatabaseSource database = spec.type().needsDatabase() ? DatabaseSource.require(System.getenv()) : null;
        try (database; Runner runner = new Runner(out, this.spec.commandLine().getErr(), load.timeout, load.backend, null, true)) {
            if (database != null) {
                db.attach(runner, database, out);
            }
            for (Model model : Model.values()) {
                results.add(runner.run(models.spec(model), spec, load.tasks, load.concurrency, load.warmup));
            }
            ResultTable.print(out, results);
            out.println("  " + runner.env().oneLine());
        }
        out.println(Verdicts.compare(results));
        out.println(Results.save("compare-" + spec.type().id(), results, load.json));
        return results.stream().allMatch(RunResult::valid) ? 0 : UserException.FAILED;
    }
}
