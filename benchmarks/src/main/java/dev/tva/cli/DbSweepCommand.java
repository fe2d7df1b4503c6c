package dev.tva.cli;

import dev.tva.engine.DatabaseSource;
import dev.tva.engine.Measurement;
import dev.tva.engine.ModelSpec;
import dev.tva.engine.Runner;
import dev.tva.engine.UserException;
import dev.tva.report.ResultTable;
import dev.tva.report.Table;
import dev.tva.workloads.Bound;
import dev.tva.workloads.DbQuery;
import dev.tva.workloads.DbSettings;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code lab db-sweep}: pool size x concurrency -> throughput and p99, each cell beside its bound
 * {@code min(concurrency, pool, threads) / latency}, so the reader sees which limit bites.
 */
@Command(name = "db-sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs db tasks (select pg_sleep(latency)) for every pool size x concurrency and prints throughput and p99 beside the bound min(concurrency, pool, threads) / latency.",
                "Example: lab db-sweep --pools 5,10,20,50 --concurrency 10,100,1000 --latency 10ms"})
final class DbSweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "ID", converter = Converters.ModelConverter.class, defaultValue = "virtual",
            description = "platform | virtual | event-loop (default: ${DEFAULT-VALUE})")
    Model model;

    @Option(names = "--pools", paramLabel = "N,N,...", converter = Converters.PositiveIntList.class, defaultValue = "5,10,20,50",
            description = "pool sizes to try (default: ${DEFAULT-VALUE})")
    List<Integer> pools;

    @Option(names = "--concurrency", paramLabel = "N,N,...", converter = Converters.PositiveIntList.class, defaultValue = "10,100,1000",
            description = "tasks in flight to try (default: ${DEFAULT-VALUE})")
    List<Integer> concurrencies;

    @Option(names = "--latency", paramLabel = "DURATION", converter = Converters.DurationConverter.class, defaultValue = "10ms",
            description = "pg_sleep per query (default: ${DEFAULT-VALUE})")
    Duration latency;

    @Option(names = "--tasks", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "tasks per cell (default: about 3 s of work at the cell's bound, at least 500)")
    Integer tasks;

    @Option(names = "--warmup", paramLabel = "DURATION", converter = Converters.DurationConverter.class, defaultValue = "2s",
            description = "warm-up per cell in windows of 250 ms until steady, at most this long, not measured (default: ${DEFAULT-VALUE})")
    Duration warmup;

    @Option(names = "--json", paramLabel = "FILE", description = "also write every cell's result here (they always go under results/)")
    Path json;

    @Mixin
    Options.ModelOptions models;

    @Mixin
    Options.DbOptions db;

    /** Each cell warms up in windows this long. */
    private static final Duration SWEEP_WINDOW = Duration.ofMillis(250);

    @Override
    public Integer call() throws IOException {
        if (latency.toMillis() < 1 || latency.toSeconds() > 10) {
            throw new UserException(UserException.BAD_INPUT, "Invalid value for option '--latency': expected 1ms..10s, got " + latency.toMillis() + "ms");
        }
        PrintWriter out = spec.commandLine().getOut();
        Workload.Db workload = new Workload.Db(latency.toMillis(), DbQuery.SLEEP, 0);
        ModelSpec modelSpec = models.spec(model);
        List<RunResult> results = new ArrayList<>();
        try (DatabaseSource database = DatabaseSource.require(System.getenv());
             Runner runner = new Runner(out, spec.commandLine().getErr(), Duration.ofSeconds(30), null, null, false)) {
            DbSettings base = db.apply(database.settings());
            out.printf("db-sweep: %s | select pg_sleep(%s) | %s per cell, pools %s x concurrency %s | %s%n",
                    modelSpec.label(), latency.toMillis() / 1000.0, tasks == null ? "about 3 s of tasks" : tasks + " tasks",
                    pools, concurrencies, database.describe());
            for (int pool : pools) {
                for (int concurrency : concurrencies) {
                    runner.useDatabase(base.withPool(pool));
                    results.add(runner.run(modelSpec, workload, concurrency,
                            new Measurement(SWEEP_WINDOW, 1, warmup, 1, tasksFor(pool, concurrency))));
                }
            }
            print(out, results);
            out.println("  " + runner.env().oneLine() + "; PostgreSQL runs on the same 2 cores");
        }
        out.println(Results.save("db-sweep-" + model.id(), results, json));
        return results.stream().allMatch(RunResult::valid) ? 0 : UserException.FAILED;
    }

    /** The tasks of one cell: as asked, or enough for about {@value #CELL_SECONDS} s at the cell's bound. */
    private int tasksFor(int pool, int concurrency) {
        if (tasks != null) {
            return tasks;
        }
        double boundPerSec = Math.min(pool, concurrency) * 1000.0 / latency.toMillis();
        return (int) Math.max(500, Math.round(boundPerSec * CELL_SECONDS));
    }

    private static final int CELL_SECONDS = 3;

    /** One row per pool size, one column per concurrency: "tasks/s of bound/s, p99". */
    private void print(PrintWriter out, List<RunResult> results) {
        String[] headers = new String[concurrencies.size() + 1];
        headers[0] = "pool \\ in flight";
        for (int c = 0; c < concurrencies.size(); c++) {
            headers[c + 1] = String.format(Locale.ROOT, "%,d", concurrencies.get(c));
        }
        Table table = new Table(headers);
        int i = 0;
        for (int pool : pools) {
            Object[] row = new Object[concurrencies.size() + 1];
            row[0] = pool;
            for (int c = 0; c < concurrencies.size(); c++) {
                RunResult r = results.get(i++);
                row[c + 1] = String.format(Locale.ROOT, "%,.0f of %,.0f/s, p99 %s ms%s", r.throughputPerSec(),
                        r.boundPerSec(), ResultTable.millis(r.latencyMicros().p99()), r.errors() > 0 ? ", " + r.errors() + " errors" : "");
            }
            table.row(row);
        }
        out.print(table.render("  "));
        out.println("  each cell: measured tasks/s of the bound min(in flight, pool"
                + (model == Model.PLATFORM ? ", threads" : "") + ") / " + latency.toMillis() + " ms, and the p99 latency");
        out.println(indentVerdict(results));
    }

    /** Which limit bit, from the numbers: cells bound by the pool vs by concurrency, and how close each got. */
    private String indentVerdict(List<RunResult> results) {
        double worst = results.stream().mapToDouble(r -> r.efficiency() == null ? 0 : r.efficiency()).min().orElse(0);
        double best = results.stream().mapToDouble(r -> r.efficiency() == null ? 0 : r.efficiency()).max().orElse(0);
        long poolBound = results.stream().filter(r -> r.boundLimit() == Bound.Limit.POOL).count();
        RunResult top = results.stream().max(java.util.Comparator.comparingDouble(RunResult::throughputPerSec)).orElseThrow();
        return String.format(Locale.ROOT,
                "  What to notice: in %d of %d cells the pool, not the tasks in flight, set the bound; measured throughput was %.0f%% to %.0f%% of its bound."
                        + " The most, %,.0f tasks/s, came with a pool of %d and %s in flight: raise the pool and the bound rises, until the database or the cores give out.",
                poolBound, results.size(), worst * 100, best * 100, top.throughputPerSec(), top.dbPool(), ResultTable.grouped(top.concurrency()));
    }
}
