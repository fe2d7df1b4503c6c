package dev.tva.cli;

import dev.tva.engine.DatabaseSource;
import dev.tva.engine.Measurement;
import dev.tva.engine.Runner;
import dev.tva.engine.UserException;
import dev.tva.report.Describe;
import dev.tva.report.ResultTable;
import dev.tva.verdict.ClientCost;
import dev.tva.verdict.ModelVerdicts;
import dev.tva.workloads.Client;
import dev.tva.workloads.CpuPlacement;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code lab compare}: the same workload on all three models, one table; with {@code --client both}, each
 * model with the lean client and then the library one, and what the library adds to a request's CPU.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs one workload on platform, virtual and event-loop in turn, with the same settings, and prints one table.",
                "Example: lab compare --workload http --latency 50ms --concurrency 1000 --forks 2",
                "With --client both, each model runs with the lean client, then the library one, and the CPU the library adds is printed."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Options.WorkloadOptions workload;

    @Option(names = "--client", paramLabel = "ID", converter = Converters.ClientsConverter.class, defaultValue = "lean",
            description = "HTTP client of http, mixed and fanout: lean (the lab's own, the same work in each model) | library (Helidon WebClient, Netty's HTTP codec) | both (default: ${DEFAULT-VALUE})")
    List<Client> clients;

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
        // Work that calls no backend has no client to vary: one run per model.
        List<Client> kinds = spec.type().needsBackend() ? clients : List.of(Client.LEAN);
        out.printf("compare: %s%s | %,d in flight | %s, virtual, %d event loops | each in its own JVM%n  %s%n",
                Describe.workload(spec), spec.type().needsBackend() ? " | " + clientsInWords(kinds) : "", load.concurrency,
                models.spec(Model.PLATFORM).label(), models.loops(), Describe.measurement(how));
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
                for (Client client : kinds) {
                    runner.useClient(client);
                    RunResult result = runner.run(models.spec(model), spec, load.concurrency, how);
                    results.add(kinds.size() > 1 ? result.labelled(result.label() + ", " + client) : result);
                }
            }
            ResultTable.print(out, results);
            out.println("  " + runner.env().oneLine());
        }
        if (kinds.size() == 1) {
            out.println(ModelVerdicts.compare(results).text());
        } else {
            // Models are compared with one client at a time, never a lean client on one side and a library on the other.
            for (Client client : kinds) {
                out.println(client + " client: " + ModelVerdicts.compare(results.stream().filter(r -> r.client() == client).toList()).text());
            }
            ClientCost.of(results).forEach(cost -> out.println("  " + cost.text()));
        }
        out.println(Results.save("compare-" + spec.type().id(), results, load.json));
        return results.stream().allMatch(RunResult::valid) ? 0 : UserException.FAILED;
    }

    private static String clientsInWords(List<Client> kinds) {
        return kinds.size() == 1 ? kinds.get(0) + " client" : "each model with the lean client, then the library one";
    }
}
