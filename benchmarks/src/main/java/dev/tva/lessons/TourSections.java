package dev.tva.lessons;

import dev.tva.engine.DatabaseSource;
import dev.tva.engine.GeneratorCpus;
import dev.tva.engine.Measurement;
import dev.tva.engine.ModelSpec;
import dev.tva.engine.Models;
import dev.tva.engine.Runner;
import dev.tva.engine.ServerBench;
import dev.tva.load.LoadSettings;
import dev.tva.report.ResultTable;
import dev.tva.report.ServerTable;
import dev.tva.report.ServerVerdicts;
import dev.tva.report.TourRecord;
import dev.tva.verdict.ModelVerdicts;
import dev.tva.verdict.Verdict;
import dev.tva.workloads.Client;
import dev.tva.workloads.CpuPlacement;
import dev.tva.workloads.DbQuery;
import dev.tva.workloads.Model;
import dev.tva.workloads.RunResult;
import dev.tva.workloads.Workload;
import dev.tva.workloads.web.Endpoint;
import dev.tva.workloads.web.ServerId;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sections of {@code lab tour} after the restaurant, each run on every model and ending with what to
 * notice: {@code lab tour} runs them in order, and {@link TourLesson} runs each as a lesson of its own.
 */
public final class TourSections {
    private TourSections() {
    }

    /** Section 2a: waiting on a timer. */
    public static TourRecord.Section sleep(PrintWriter out, Runner runner, Models models, TourSettings s) {
        out.printf("%n  2a. sleep %d ms, %,d in flight (a timer: nothing but waiting)%n", s.sleepMillis(), s.sleepConcurrency());
        return section(out, runner, models, s.measurement(), "sleep", new Workload.Sleep(s.sleepMillis()), s.sleepConcurrency(), false);
    }

    /** Section 2b: a real call to the backend. */
    public static TourRecord.Section http(PrintWriter out, Runner runner, Models models, TourSettings s) {
        out.printf("%n  2b. http %d ms, %,d in flight (a real call over loopback to the backend, which answers after %d ms)%n",
                s.httpMillis(), s.httpConcurrency(), s.httpMillis());
        runner.useClient(Client.LEAN);  // the model is the variable, not the client
        return section(out, runner, models, s.measurement(), "http", new Workload.Http(s.httpMillis(), 16), s.httpConcurrency(), false);
    }

    /**
     * Section 3: computing; with {@code singleLoop}, also one event loop (the cpu lesson shows it; the tour
     * leaves it to {@code lab compare --loops 1} to keep to its time).
     */
    public static TourRecord.Section cpu(PrintWriter out, Runner runner, Models models, TourSettings s, boolean singleLoop) {
        int cores = runner.env().cores();
        int units = (int) Math.max(1, Math.round(s.cpuTaskMillis() * 1e6 / runner.nanosPerUnit()));
        out.printf("%n3. CPU-bound: tasks of %d kernel units (about %.1f ms of CPU each), %d in flight, %d cores%s%n",
                units, units * runner.nanosPerUnit() / 1e6, s.cpuConcurrency(), cores,
                singleLoop ? "" : " (one loop computes on one core: ./lab compare --workload cpu --loops 1)");
        return section(out, runner, models, s.measurement(), "cpu", new Workload.Cpu(units, 0), s.cpuConcurrency(), singleLoop);
    }

    /** Section 4: the database, when there is one: the bottleneck moves from the threads to the connection pool. */
    public static Optional<TourRecord.Section> database(PrintWriter out, Runner runner, Models models, TourSettings s) {
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
    public static List<ServerBench.Row> servers(PrintWriter out, PrintWriter err, Runner runner, TourSettings s, CpuPlacement placement) {
        double perThread = 1000.0 / s.serverMillis();
        out.printf(Locale.ROOT, "%n5. Servers: GET /io?ms=%d at %,d requests/s for %d s (open model: latency from each request's intended send time)%n",
                s.serverMillis(), s.serverRate(), s.serverDuration().toSeconds());
        out.printf(Locale.ROOT, "   The same handler on a pool of platform threads, on a virtual thread per request, and on event loops, each server in"
                        + " its own JVM,%n   warmed up until its CPU per answer is steady (at most %d s); jdk-platform has %d threads, so at most"
                        + " %d / %d ms = %,.0f requests/s.%n   (helidon, and every rate: ./lab servers)%n",
                TourSettings.SERVER_WARMUP.toSeconds(), s.serverThreads(), s.serverThreads(), s.serverMillis(), s.serverThreads() * perThread);
        out.flush();
        List<ServerBench.Setup> setups = List.of(
                new ServerBench.Setup(ServerId.JDK_PLATFORM, List.of("--threads", Integer.toString(s.serverThreads())),
                        "jdk-platform (" + s.serverThreads() + " threads)", s.serverThreads() * perThread),
                new ServerBench.Setup(ServerId.JDK_VIRTUAL, List.of(), "jdk-virtual", null),
                new ServerBench.Setup(ServerId.NETTY, List.of(), "netty", null));
        Duration slo = Duration.ofMillis(2 * s.serverMillis());
        ServerBench.Plan plan = new ServerBench.Plan(Endpoint.IO, "/io?ms=" + s.serverMillis(), List.of(s.serverRate()), s.serverDuration(),
                TourSettings.SERVER_WARMUP, LoadSettings.DEFAULT_CONNECTIONS, TourSettings.SERVER_TIMEOUT, slo);
        URI backendUri = runner.backend();
        GeneratorCpus.pin(placement);
        List<ServerBench.Row> rows = ServerBench.run(err, backendUri, runner::backendCpuMillis, setups, plan,
                placement);
        out.print(ServerTable.table(rows, "  "));
        for (String reason : ServerTable.invalidReasons(rows)) {
            out.println("  INVALID " + reason);
        }
        out.println(indent(ServerVerdicts.notice(rows, slo)));
        out.println(indent("More: ./lab servers --endpoint io,cpu (every rate, every server, an SLO) and ./lab serve --server netty --block-event-loop."));
        return rows;
    }

    /** One workload on every model (plus a single event loop for CPU work), a table, and what to notice. */
    private static TourRecord.Section section(PrintWriter out, Runner runner, Models models, Measurement how, String id,
                                       Workload workload, int concurrency, boolean addSingleLoop) {
        List<ModelSpec> specs = new ArrayList<>();
        for (Model model : Model.values()) {
            specs.add(models.spec(model));
        }
        if (addSingleLoop && models.loops() != 1) {
            specs.add(new ModelSpec(Model.EVENT_LOOP, models.threads(), 1));
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

    private static String indent(String text) {
        return "  " + text;
    }
}
