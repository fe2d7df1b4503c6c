package dev.tva.cli;

import dev.tva.verdict.ModelVerdicts;
import dev.tva.verdict.Verdict;
import dev.tva.workloads.Client;
import dev.tva.workloads.CpuPlacement;
import dev.tva.workloads.DbQuery;
import dev.tva.workloads.ExecutionModel;
import dev.tva.workloads.Experiment;
import dev.tva.workloads.Model;
import dev.tva.workloads.Results;
import dev.tva.workloads.RunResult;
import dev.tva.workloads.Workload;
import dev.tva.workloads.web.Endpoint;
import dev.tva.workloads.web.ServerId;
import dev.tva.load.LoadSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
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
        description = "The guided comparison, under two minutes: waiting, I/O-bound, CPU-bound and database work on platform threads, virtual threads and event loops, then three servers under load.")
final class TourCommand implements Callable<Integer> {
    /** The restaurant's orders, scaled from the tutorial's 15, 5 and 1 minutes. */
    private static final String[] DISHES = {"pizza", "salad", "coffee"};
    private static final long[] ORDER_MILLIS = {150, 50, 10};

    /** The tour's fixed settings, printed at the start. */
    record Settings(Measurement measurement, int sleepConcurrency, long sleepMillis, int httpConcurrency, long httpMillis,
                    double cpuTaskMillis, int cpuConcurrency, long dbMillis, int dbPool, int dbConcurrency,
                    long serverMillis, int serverRate, int serverThreads, Duration serverDuration) {
        /** Every row: windows of 500 ms until steady (at most 4 s), then 4 measured windows, in a JVM of its own. */
        static final Settings DEFAULT = new Settings(
                new Measurement(Duration.ofMillis(500), 4, Duration.ofSeconds(4), 1, null), 10_000, 100, 1_000, 50,
                1.0, 100, 10, 10, 1_000, 50, 1_000, 25, Duration.ofSeconds(2));
        /** Each server's JVM is fresh: it warms up until its CPU per answer is steady, at most this long. */
        static final Duration SERVER_WARMUP = Duration.ofSeconds(6);
        /** A request unanswered this long after its intended send time is a timeout (the thread-starved server's queue). */
        static final Duration SERVER_TIMEOUT = Duration.ofSeconds(3);
    }

    @Spec
    CommandSpec spec;

    @Mixin
    Options.ModelOptions models;

    @Option(names = "--json", paramLabel = "FILE", description = "also write every run's result here (they always go under results/)")
    Path json;

    @Mixin
    CpusOption cpus;

    @Option(names = "--backend", paramLabel = "URL",
            description = "use this running backend (see `lab backend`) instead of starting one in its own JVM")
    java.net.URI backend;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Settings s = Settings.DEFAULT;
        CpuPlacement modelsPlacement = cpus.placement(CpuPlacement.Layout.RUN);
        CpuPlacement serversPlacement = cpus.placement(CpuPlacement.Layout.SERVERS);
        models.fitLoopsTo(modelsPlacement);
        long started = System.nanoTime();
        List<TourRecord.Section> sections = new ArrayList<>();
        try (Runner runner = new Runner(out, spec.commandLine().getErr(), Duration.ofSeconds(30), backend, null, true)) {
            out.println("Threads vs Async Lab: the tour. " + runner.env().oneLine());
            runner.place(modelsPlacement);
            if (modelsPlacement.placed()) {
                out.println("Models: " + modelsPlacement.describe() + "; servers: " + serversPlacement.describe());
            }
            out.printf("Models: %s | virtual (a virtual thread per task) | %s. Each run below has a JVM of its own.%n",
                    models.spec(Model.PLATFORM).label(), models.spec(Model.EVENT_LOOP).label());
            out.printf("Every row: %s.%n%n", s.measurement().describe());

            TourRecord.Restaurant restaurant = restaurant(out, models);

            out.printf("%n2. I/O-bound: many tasks in flight at once, each waiting%n");
            sections.add(sleep(out, runner, models, s));
            sections.add(http(out, runner, models, s));
            sections.add(cpu(out, runner, models, s, false));

            database(out, runner, models, s).ifPresent(sections::add);
            List<ServerBench.Row> serverRows = servers(out, spec.commandLine().getErr(), runner, s, serversPlacement);
            long seconds = Math.round((System.nanoTime() - started) / 1e9);
            out.printf("%nTour done in %d s.%n", seconds);
            TourRecord record = new TourRecord(restaurant, sections, serverRows, seconds, runner.env());
            out.println(Results.save("tour", record, json));
            return record.valid() ? 0 : UserException.FAILED;
        }
    }

    /** Section 2a: waiting on a timer. */
    static TourRecord.Section sleep(PrintWriter out, Runner runner, Options.ModelOptions models, Settings s) {
        out.printf("%n  2a. sleep %d ms, %,d in flight (a timer: nothing but waiting)%n", s.sleepMillis(), s.sleepConcurrency());
        return section(out, runner, models, s.measurement(), "sleep", new Workload.Sleep(s.sleepMillis()), s.sleepConcurrency(), false);
    }

    /** Section 2b: a real call to the backend. */
    static TourRecord.Section http(PrintWriter out, Runner runner, Options.ModelOptions models, Settings s) {
        out.printf("%n  2b. http %d ms, %,d in flight (a real call over loopback to the backend, which answers after %d ms)%n",
                s.httpMillis(), s.httpConcurrency(), s.httpMillis());
        runner.useClient(Client.LEAN);  // the model is the variable, not the client
        return section(out, runner, models, s.measurement(), "http", new Workload.Http(s.httpMillis(), 16), s.httpConcurrency(), false);
    }

    /**
     * Section 3: computing; with {@code singleLoop}, also one event loop (the cpu lesson shows it; the tour
     * leaves it to {@code lab compare --loops 1} to keep to its time).
     */
    static TourRecord.Section cpu(PrintWriter out, Runner runner, Options.ModelOptions models, Settings s, boolean singleLoop) {
        int cores = runner.env().cores();
        int units = (int) Math.max(1, Math.round(s.cpuTaskMillis() * 1e6 / runner.nanosPerUnit()));
        out.printf("%n3. CPU-bound: tasks of %d kernel units (about %.1f ms of CPU each), %d in flight, %d cores%s%n",
                units, units * runner.nanosPerUnit() / 1e6, s.cpuConcurrency(), cores,
                singleLoop ? "" : " (one loop computes on one core: ./lab compare --workload cpu --loops 1)");
        return section(out, runner, models, s.measurement(), "cpu", new Workload.Cpu(units, 0), s.cpuConcurrency(), singleLoop);
    }

    /** Section 4: the database, when there is one: the bottleneck moves from the threads to the connection pool. */
    static Optional<TourRecord.Section> database(PrintWriter out, Runner runner, Options.ModelOptions models, Settings s) {
        out.printf("%n4. Database: select pg_sleep(%d ms) through a pool of %d connections, %,d in flight%n",
                s.dbMillis(), s.dbPool(), s.dbConcurrency());
        Optional<DatabaseSource> found = DatabaseSource.find(System.getenv());
        if (found.isEmpty()) {
            out.println("  skipped: no database. To include it, " + DatabaseSource.HOW_TO + ".");
            return Optional.empty();
        }
        try (DatabaseSource database = found.get()) {
            out.println("  database: " + database.describe());
            runner.useDatabase(database.settings().withPool(s.dbPool()));
            return Optional.of(section(out, runner, models, s.measurement(), "db", new Workload.Db(s.dbMillis(), DbQuery.SLEEP, 0),
                    s.dbConcurrency(), false));
        }
    }

    /**
     * Section 5: the same endpoint on the four servers, each in its own JVM, under an open-model load; the
     * platform-thread server gets fewer threads than the load needs, so its queue shows.
     */
    static List<ServerBench.Row> servers(PrintWriter out, PrintWriter err, Runner runner, Settings s, CpuPlacement placement) {
        double perThread = 1000.0 / s.serverMillis();
        out.printf(Locale.ROOT, "%n5. Servers: GET /io?ms=%d at %,d requests/s for %d s (open model: latency from each request's intended send time)%n",
                s.serverMillis(), s.serverRate(), s.serverDuration().toSeconds());
        out.printf(Locale.ROOT, "   The same handler on a pool of platform threads, on a virtual thread per request, and on event loops, each server in"
                        + " its own JVM,%n   warmed up until its CPU per answer is steady (at most %d s); jdk-platform has %d threads, so at most"
                        + " %d / %d ms = %,.0f requests/s.%n   (helidon, and every rate: ./lab servers)%n",
                Settings.SERVER_WARMUP.toSeconds(), s.serverThreads(), s.serverThreads(), s.serverMillis(), s.serverThreads() * perThread);
        out.flush();
        List<ServerBench.Setup> setups = List.of(
                new ServerBench.Setup(ServerId.JDK_PLATFORM, List.of("--threads", Integer.toString(s.serverThreads())),
                        "jdk-platform (" + s.serverThreads() + " threads)", s.serverThreads() * perThread),
                new ServerBench.Setup(ServerId.JDK_VIRTUAL, List.of(), "jdk-virtual", null),
                new ServerBench.Setup(ServerId.NETTY, List.of(), "netty", null));
        Duration slo = Duration.ofMillis(2 * s.serverMillis());
        ServerBench.Plan plan = new ServerBench.Plan(Endpoint.IO, "/io?ms=" + s.serverMillis(), List.of(s.serverRate()), s.serverDuration(),
                Settings.SERVER_WARMUP, LoadSettings.DEFAULT_CONNECTIONS, Settings.SERVER_TIMEOUT, slo);
        URI backendUri = runner.backend();
        CpusOption.pinGenerator(placement);
        List<ServerBench.Row> rows = ServerBench.run(err, backendUri, runner::backendCpuMillis, setups, plan,
                placement);
        out.print(ServerBench.table(rows, "  "));
        for (String reason : ServerBench.invalidReasons(rows)) {
            out.println("  INVALID " + reason);
        }
        out.println(indent(ServerBench.notice(rows, slo)));
        out.println(indent("More: ./lab servers --endpoint io,cpu (every rate, every server, an SLO) and ./lab serve --server netty --block-event-loop."));
        return rows;
    }

    /** One workload on every model (plus a single event loop for CPU work), a table, and what to notice. */
    static TourRecord.Section section(PrintWriter out, Runner runner, Options.ModelOptions models, Measurement how, String id,
                                      Workload workload, int concurrency, boolean addSingleLoop) {
        List<ModelSpec> specs = new ArrayList<>();
        for (Model model : Model.values()) {
            specs.add(models.spec(model));
        }
        if (addSingleLoop && models.loops() != 1) {
            specs.add(new ModelSpec(Model.EVENT_LOOP, models.threads, 1));
        }
        List<RunResult> results = new ArrayList<>();
        for (ModelSpec model : specs) {
            results.add(runner.run(model, workload, concurrency, how));
        }
        ResultTable.print(out, results);
        Verdict verdict = ModelVerdicts.compare(results);
        out.println(indent(verdict.text()));
        out.flush();
        return new TourRecord.Section(id, results, verdict);
    }

    /** Section 1: three orders served one after another, then concurrently on each model, as timelines. */
    static TourRecord.Restaurant restaurant(PrintWriter out, Options.ModelOptions models) {
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
        java.util.Map<Model, Long> concurrent = new java.util.EnumMap<>(Model.class);
        for (Model model : Model.values()) {
            ModelSpec spec = models.spec(model);
            try (ExecutionModel kitchen = spec.create(null, Duration.ofSeconds(5))) {
                Experiment.run(kitchen, i -> orders[i], orders.length, orders.length, false, Experiment.Progress.NONE);
                Experiment.Outcome outcome = Experiment.run(kitchen, i -> orders[i], orders.length, orders.length, true,
                        Experiment.Progress.NONE);
                long total = outcome.wallNanos() / 1_000_000;
                slowest = Math.max(slowest, total);
                concurrent.put(model, total);
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
        return new TourRecord.Restaurant(ORDER_MILLIS, sequential, concurrent);
    }

    private static String indent(String text) {
        return "  " + text;
    }
}
