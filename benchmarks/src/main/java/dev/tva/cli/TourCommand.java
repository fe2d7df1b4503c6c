package dev.tva.cli;

import dev.tva.workloads.DbQuery;
import dev.tva.workloads.ExecutionModel;
import dev.tva.workloads.Experiment;
import dev.tva.workloads.Model;
import dev.tva.workloads.Results;
import dev.tva.workloads.RunResult;
import dev.tva.workloads.Workload;
import dev.tva.workloads.web.ServerId;
import dev.tva.load.LoadSettings;
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
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code lab tour}: the guided comparison. Waiting (the tutorial's restaurant), I/O-bound work at
 * 10,000 concurrent tasks, and CPU-bound work, each on the three models, each ending with what to notice.
 */
@Command(name = "tour", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The guided comparison, under two minutes: waiting, I/O-bound, CPU-bound and database work on platform threads, virtual threads and event loops, then the four servers under load.")
final class TourCommand implements Callable<Integer> {
    /** The restaurant's orders, scaled from the tutorial's 15, 5 and 1 minutes. */
    private static final String[] DISHES = {"pizza", "salad", "coffee"};
    private static final long[] ORDER_MILLIS = {150, 50, 10};

    /** The tour's fixed settings, printed at the start. */
    record Settings(int ioTasks, int ioConcurrency, long sleepMillis, long httpMillis, Duration warmup,
                    double cpuTaskMillis, int cpuTasksPerCore, int cpuConcurrency,
                    long dbMillis, int dbPool, int dbTasks, int dbConcurrency,
                    long serverMillis, int serverRate, int serverThreads, Duration serverDuration) {
        static final Settings DEFAULT = new Settings(20_000, 10_000, 100, 50, Duration.ofSeconds(1), 1.0, 1_500, 100,
                10, 10, 3_000, 1_000, 50, 1_000, 25, Duration.ofSeconds(3));
        /** Each server's JVM is fresh: load it this long, unmeasured, before its measured seconds. */
        static final Duration SERVER_WARMUP = Duration.ofSeconds(2);
    }

    @Spec
    CommandSpec spec;

    @Mixin
    Options.ModelOptions models;

    @Option(names = "--json", paramLabel = "FILE", description = "also write every run's result here (they always go under results/)")
    Path json;

    @Option(names = "--backend", paramLabel = "URL",
            description = "use this running backend (see `lab backend`) instead of starting one in its own JVM")
    java.net.URI backend;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Settings s = Settings.DEFAULT;
        long started = System.nanoTime();
        List<RunResult> all = new ArrayList<>();
        try (Runner runner = new Runner(out, spec.commandLine().getErr(), Duration.ofSeconds(30), backend, null, true)) {
            out.println("Threads vs Async Lab: the tour. " + runner.env().oneLine());
            out.printf("Models: %s | virtual (a virtual thread per task) | %s. Each run below has a JVM of its own.%n%n",
                    models.spec(Model.PLATFORM).label(), models.spec(Model.EVENT_LOOP).label());

            restaurant(out);

            out.printf("%n2. I/O-bound: %,d tasks, %,d in flight at once%n", s.ioTasks(), s.ioConcurrency());
            out.printf("%n  2a. sleep %d ms (a timer: nothing but waiting)%n", s.sleepMillis());
            all.addAll(section(out, runner, new Workload.Sleep(s.sleepMillis()), s.ioTasks(), s.ioConcurrency(), s.warmup(), false));
            out.printf("%n  2b. http %d ms (a real call over loopback to the backend, which answers after %d ms)%n",
                    s.httpMillis(), s.httpMillis());
            all.addAll(section(out, runner, new Workload.Http(s.httpMillis(), 16), s.ioTasks(), s.ioConcurrency(), s.warmup(), false));

            int cores = runner.env().cores();
            int units = (int) Math.max(1, Math.round(s.cpuTaskMillis() * 1e6 / runner.nanosPerUnit()));
            int cpuTasks = s.cpuTasksPerCore() * cores;
            out.printf("%n3. CPU-bound: %,d tasks of %d kernel units (about %.1f ms of CPU each), %d in flight, %d cores%n",
                    cpuTasks, units, units * runner.nanosPerUnit() / 1e6, s.cpuConcurrency(), cores);
            all.addAll(section(out, runner, new Workload.Cpu(units, 0), cpuTasks, s.cpuConcurrency(), s.warmup(), true));

            all.addAll(database(out, runner, s));
            servers(out, runner, s);
            out.printf("%nTour done in %.0f s.%n", (System.nanoTime() - started) / 1e9);
        }
        out.println(Results.save("tour", all, json));
        return all.stream().allMatch(RunResult::valid) ? 0 : UserException.FAILED;
    }

    /** Section 4: the database, when there is one: the bottleneck moves from the threads to the connection pool. */
    private List<RunResult> database(PrintWriter out, Runner runner, Settings s) {
        out.printf("%n4. Database: select pg_sleep(%d ms) through a pool of %d connections, %,d tasks, %,d in flight%n",
                s.dbMillis(), s.dbPool(), s.dbTasks(), s.dbConcurrency());
        Optional<DatabaseSource> found = DatabaseSource.find(System.getenv());
        if (found.isEmpty()) {
            out.println("  skipped: no database. To include it, " + DatabaseSource.HOW_TO + ".");
            return List.of();
        }
        try (DatabaseSource database = found.get()) {
            out.println("  database: " + database.describe());
            runner.useDatabase(database.settings().withPool(s.dbPool()));
            return section(out, runner, new Workload.Db(s.dbMillis(), DbQuery.SLEEP, 0), s.dbTasks(), s.dbConcurrency(),
                    s.warmup(), false);
        }
    }

    /**
     * Section 5: the same endpoint on the four servers, each in its own JVM, under an open-model load; the
     * platform-thread server gets fewer threads than the load needs, so its queue shows.
     */
    private void servers(PrintWriter out, Runner runner, Settings s) {
        double perThread = 1000.0 / s.serverMillis();
        out.printf(Locale.ROOT, "%n5. Servers: GET /io?ms=%d at %,d requests/s for %d s (open model: latency from each request's intended send time)%n",
                s.serverMillis(), s.serverRate(), s.serverDuration().toSeconds());
        out.printf(Locale.ROOT, "   The same endpoint on each server, each in its own JVM; jdk-platform has %d threads, so at most %d / %d ms = %,.0f requests/s.%n",
                s.serverThreads(), s.serverThreads(), s.serverMillis(), s.serverThreads() * perThread);
        out.flush();
        List<ServerBench.Setup> setups = List.of(
                new ServerBench.Setup(ServerId.HELIDON, List.of(), "helidon", null),
                new ServerBench.Setup(ServerId.JDK_PLATFORM, List.of("--threads", Integer.toString(s.serverThreads())),
                        "jdk-platform (" + s.serverThreads() + " threads)", s.serverThreads() * perThread),
                new ServerBench.Setup(ServerId.JDK_VIRTUAL, List.of(), "jdk-virtual", null),
                new ServerBench.Setup(ServerId.NETTY, List.of(), "netty", null));
        Duration slo = Duration.ofMillis(2 * s.serverMillis());
        ServerBench.Plan plan = new ServerBench.Plan("io", "/io?ms=" + s.serverMillis(), List.of(s.serverRate()), s.serverDuration(),
                Settings.SERVER_WARMUP, LoadSettings.DEFAULT_CONNECTIONS, Duration.ofSeconds(5), slo);
        List<ServerBench.Row> rows = ServerBench.run(spec.commandLine().getErr(), runner.backend(), runner::backendCpuMillis, setups, plan);
        out.print(ServerBench.table(rows, "  "));
        for (String reason : ServerBench.invalidReasons(rows)) {
            out.println("  INVALID " + reason);
        }
        out.println(indent(ServerBench.notice(rows, slo)));
        out.println(indent("More: ./lab servers --endpoint io,cpu (every rate, every server, an SLO) and ./lab serve --server netty --block-event-loop."));
    }

    /** One workload on every model (plus a single event loop for CPU work), a table, and what to notice. */
    private List<RunResult> section(PrintWriter out, Runner runner, Workload workload, int tasks, int concurrency,
                                    Duration warmup, boolean addSingleLoop) {
        List<ModelSpec> specs = new ArrayList<>();
        for (Model model : Model.values()) {
            specs.add(models.spec(model));
        }
        if (addSingleLoop && models.loops() != 1) {
            specs.add(new ModelSpec(Model.EVENT_LOOP, models.threads, 1));
        }
        List<RunResult> results = new ArrayList<>();
        for (ModelSpec model : specs) {
            results.add(runner.run(model, workload, tasks, concurrency, warmup));
        }
        ResultTable.print(out, results);
        out.println(indent(Verdicts.compare(results)));
        return results;
    }

    /** Section 1: three orders served one after another, then concurrently on each model, as timelines. */
    private void restaurant(PrintWriter out) {
        out.println("1. Waiting: the restaurant. Three orders that each just wait in the kitchen:");
        out.println("   pizza 150 ms, salad 50 ms, coffee 10 ms (the tutorial's 15, 5 and 1 minutes).");
        Workload[] orders = new Workload[DISHES.length];
        for (int i = 0; i < orders.length; i++) {
            orders[i] = new Workload.Sleep(ORDER_MILLIS[i]);
        }
        long sequential;
        try (ExecutionModel waiter = models.spec(Model.PLATFORM).create(null, Duration.ofSeconds(5))) {
            Experiment.Outcome outcome = Experiment.run(waiter, i -> orders[i], orders.length, 1, true, Experiment.Progress.NONE);
            sequential = outcome.wallNanos() / 1_000_000;
            out.printf("%n  One after another (1 in flight), %d ms in all:%n", sequential);
            out.print(Timeline.draw(DISHES, outcome.timeline(), "    "));
        }
        long slowest = 0;
        for (Model model : Model.values()) {
            ModelSpec spec = models.spec(model);
            try (ExecutionModel kitchen = spec.create(null, Duration.ofSeconds(5))) {
                Experiment.run(kitchen, i -> orders[i], orders.length, orders.length, false, Experiment.Progress.NONE);
                Experiment.Outcome outcome = Experiment.run(kitchen, i -> orders[i], orders.length, orders.length, true,
                        Experiment.Progress.NONE);
                long total = outcome.wallNanos() / 1_000_000;
                slowest = Math.max(slowest, total);
                out.printf("%n  Concurrently (3 in flight) on %s, %d ms in all:%n", spec.label(), total);
                out.print(Timeline.draw(DISHES, outcome.timeline(), "    "));
            }
        }
        long longest = ORDER_MILLIS[0];
        long sum = ORDER_MILLIS[0] + ORDER_MILLIS[1] + ORDER_MILLIS[2];
        out.println(indent(String.format(Locale.ROOT,
                "What to notice: one after another took %d ms, the sum of the orders (%d ms); concurrently every model took at most %d ms,"
                        + " about the longest order (%d ms), because the waits overlapped: %.1fx faster with the same kitchen.",
                sequential, sum, slowest, longest, (double) sequential / slowest)));
    }

    private static String indent(String text) {
        return "  " + text;
    }
}
