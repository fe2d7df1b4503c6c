package dev.tva.engine;

import dev.tva.workloads.BackendProcess;
import dev.tva.workloads.Bound;
import dev.tva.workloads.ChildLeaks;
import dev.tva.workloads.ChildOutput;
import dev.tva.workloads.Client;
import dev.tva.workloads.CpuKernel;
import dev.tva.workloads.CpuPlacement;
import dev.tva.workloads.Database;
import dev.tva.workloads.DbSettings;
import dev.tva.workloads.Environment;
import dev.tva.workloads.ExecutionModel;
import dev.tva.workloads.Experiment;
import dev.tva.workloads.Model;
import dev.tva.workloads.Results;
import dev.tva.workloads.RunResult;
import dev.tva.workloads.Workload;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs experiments for the commands: starts the backend when a workload needs one (in its own JVM, or
 * checks the one given with {@code --backend}), warms up, runs, and shows progress on long runs.
 *
 * <p>With {@code forkEach}, every run gets a fresh JVM of its own, as JMH forks do: peak RSS and thread
 * counts are then that model's alone, and no model inherits JIT profiles shaped by another.
 */
public final class Runner implements AutoCloseable {
    private static final long PROGRESS_AFTER_MILLIS = 2_000;
    private static final Duration BACKEND_WARMUP = Duration.ofSeconds(1);

    private final PrintWriter out;
    private final PrintWriter err;
    private final Duration timeout;
    private final URI givenBackend;
    private final Long givenBackendPid;
    private final boolean forkEach;
    private final Environment env = Environment.current();
    private BackendProcess ownBackend;
    private URI backend;
    private double nanosPerUnit = Double.NaN;
    private DbSettings dbSettings;
    private boolean schemaReady;
    private CpuPlacement placement = CpuPlacement.NONE;
    /** In a child JVM: the placement its parent started it under, to record (the child pins nothing itself). */
    private String placedBy;
    private Client client = Client.LEAN;

    /**
     * @param givenBackend    a running backend to use, or null to start one when needed
     * @param givenBackendPid its process id when known (to report its CPU time), or null
     * @param forkEach        run every experiment in a JVM of its own
     */
    public Runner(PrintWriter out, PrintWriter err, Duration timeout, URI givenBackend, Long givenBackendPid, boolean forkEach) {
        this.out = out;
        this.err = err;
        this.timeout = timeout;
        this.givenBackend = givenBackend;
        this.givenBackendPid = givenBackendPid;
        this.forkEach = forkEach;
    }

    public Environment env() {
        return env;
    }

    /**
     * Places the processes this runner starts: each model's JVM on the generator's CPUs (the driver runs
     * inside it), the backend on the backend's; each result records the placement.
     */
    public void place(CpuPlacement cpus) {
        this.placement = cpus;
    }

    /** Records {@code spec} as the placement of this JVM's results: a parent started it pinned. */
    public void placedBy(String spec) {
        this.placedBy = spec;
    }

    /** The placement as {@code --cpus} would take it back, or null when nothing is pinned. */
    private String cpus() {
        return placement.placed() ? placement.toSpec() : placedBy;
    }

    /** Which kind of HTTP client the runs that call the backend use from now on (lean until told). */
    public void useClient(Client kind) {
        this.client = kind;
    }

    /** Where db tasks find their database, and how its pool is set up. */
    public void useDatabase(DbSettings settings) {
        this.dbSettings = settings;
    }

    /** Opens a pool with the run's settings; the lab's table is created and seeded on first use. */
    private Database openDatabase() {
        if (dbSettings == null) {
            throw new UserException(UserException.BAD_INPUT, "no database for the db workload: " + DatabaseSource.HOW_TO);
        }
        try {
            Database database = Database.open(dbSettings);
            if (!schemaReady) {
                database.ensureSchema();
                schemaReady = true;
            }
            return database;
        } catch (Database.DatabaseException e) {
            throw new UserException(UserException.BAD_INPUT, e.getMessage());
        }
    }

    /** Uses a kernel cost measured elsewhere (by a parent lab process) instead of measuring it here. */
    public void useNanosPerUnit(double nanos) {
        this.nanosPerUnit = nanos;
    }

    /** The backend's base URI: the given one once it answers, or one started in its own JVM. */
    public URI backend() {
        if (backend != null) {
            return backend;
        }
        if (givenBackend != null) {
            BackendProbe.require(givenBackend);
            backend = givenBackend;
            out.println("backend: " + backend + " (given with --backend)");
        } else {
            ownBackend = BackendProcess.start(placement.cpuCount(CpuPlacement.Role.BACKEND, env.cores()), placement);
            backend = ownBackend.uri();
            out.println("backend: " + backend + " in its own JVM (pid " + ownBackend.pid() + "), answers GET /delay?ms=&bytes= from timers");
            warmBackend();
        }
        return backend;
    }

    /** Gives the fresh backend JVM's JIT a second of traffic, so the first model measured does not pay for it. */
    private void warmBackend() {
        try (ExecutionModel warmer = new ModelSpec(Model.EVENT_LOOP, 1, 1).create(backend, Client.LEAN, timeout)) {
            Experiment.warmUp(warmer, new Workload.Http(1, 16), 100, BACKEND_WARMUP);
        }
    }

    /** Single-thread cost of one CPU kernel unit in this JVM, measured once (about half a second). */
    public double nanosPerUnit() {
        if (Double.isNaN(nanosPerUnit)) {
            nanosPerUnit = CpuKernel.nanosPerUnit(250);
            out.printf("cpu kernel: %.2f us per unit on one core (measured now)%n", nanosPerUnit / 1000);
        }
        return nanosPerUnit;
    }

    /**
     * Measures {@code workload} on {@code spec} as {@code how} says: in this JVM, or in a fresh JVM per fork
     * (always so with more than one fork), the forks merged into one row.
     */
    public RunResult run(ModelSpec spec, Workload workload, int concurrency, Measurement how) {
        URI target = workload.type().needsBackend() ? backend() : null;
        boolean needsDatabase = workload.type().needsDatabase();
        if (forkEach || how.forks() > 1) {
            if (needsDatabase && !schemaReady) {
                openDatabase().close(); // fail here, in one line, before any child starts
            }
            List<RunResult> forks = new ArrayList<>();
            for (int fork = 1; fork <= how.forks(); fork++) {
                forks.add(runInChild(spec, workload, concurrency, how, target));
            }
            return RunResult.merge(forks);
        }
        double unitNanos = needsCpu(workload) ? nanosPerUnit() : 0;
        try (Database database = needsDatabase ? openDatabase() : null;
             ExecutionModel model = spec.create(target, client, timeout, database)) {
            Bound bound = bound(spec, workload, how.fixedTasks() ? how.tasks() : Integer.MAX_VALUE, concurrency, unitNanos);
            Phases phases = new Phases(spec.label(), how, target != null);
            Experiment.Measured measured;
            if (how.fixedTasks()) {
                Experiment.Measured warm = Experiment.measure(model, workload::forTask, concurrency, how.steadyState(), 0, phases);
                phases.measuring();
                Experiment.Outcome outcome = Experiment.run(model, workload, how.tasks(), concurrency, Experiment.Progress.NONE);
                phases.measured();
                Experiment.Windows windows = new Experiment.Windows(outcome.wallNanos() / 1_000_000,
                        warm.windows().warmupPerSec(), new double[] {outcome.throughputPerSec()}, warm.windows().steady());
                measured = new Experiment.Measured(outcome, windows, warm.warmupTasks());
            } else {
                measured = Experiment.measure(model, workload::forTask, concurrency, how.steadyState(), how.windows(), phases);
            }
            return RunResult.of(spec.label(), model, workload, measured.outcome(), measured.windows(), bound, unitNanos,
                    measured.warmupTasks(), phases.backendCpu(), needsDatabase ? dbSettings : null, cpus(), env, client);
        }
    }

    /**
     * Follows a run's windows: a progress line per window once the run has lasted a couple of seconds,
     * and the backend's CPU time over the measured part.
     */
    private final class Phases implements Experiment.WindowListener {
        private final String label;
        private final Measurement how;
        private final boolean backendUsed;
        private final long started = System.nanoTime();
        private long backendCpuAtStart = -1;
        private Long backendCpu;

        Phases(String label, Measurement how, boolean backendUsed) {
            this.label = label;
            this.how = how;
            this.backendUsed = backendUsed;
        }

        @Override
        public void window(boolean warmup, int index, double perSec) {
            if ((System.nanoTime() - started) / 1_000_000 >= PROGRESS_AFTER_MILLIS) {
                err.printf(Locale.ROOT, "  ... %s: %s window %d%s: %,.0f tasks/s%n", label, warmup ? "warm-up" : "measured",
                        index, warmup ? "" : " of " + how.windows(), perSec);
            }
        }

        @Override
        public void measuring() {
            backendCpuAtStart = backendUsed ? backendCpuMillis() : -1;
        }

        @Override
        public void measured() {
            backendCpu = backendCpuAtStart < 0 ? null : backendCpuMillis() - backendCpuAtStart;
        }

        Long backendCpu() {
            return backendCpu;
        }
    }

    /** The run's bound; for db work, Little's law on what can run at once: pool, bulkhead or threads. */
    Bound bound(ModelSpec spec, Workload workload, int tasks, int concurrency, double unitNanos) {
        if (workload instanceof Workload.Db db) {
            ModelSpec.Limit limit = spec.connections(dbSettings);
            return Bound.database(db, tasks, concurrency, limit.count(), limit.limit(), limit.what());
        }
        return Bound.of(workload, tasks, concurrency, env.cores(), unitNanos);
    }

    /** The same run in a fresh JVM ({@code lab run --child}); its result comes back as JSON. */
    private RunResult runInChild(ModelSpec spec, Workload workload, int concurrency, Measurement how, URI target) {
        Path json = null;
        try {
            json = Files.createTempFile("lab-run-", ".json");
            List<String> command = new ArrayList<>(placement.prefix(CpuPlacement.Role.GENERATOR));
            command.addAll(javaCommand());
            command.add(ChildRun.MAIN_CLASS);
            command.addAll(ChildRun.args(spec, client, workload, concurrency, how.withForks(1), timeout, dbSettings));
            if (target != null) {
                command.addAll(List.of("--backend", target.toString()));
                backendPid().ifPresent(pid -> command.addAll(List.of("--backend-pid", Long.toString(pid))));
            }
            if (needsCpu(workload)) {
                command.addAll(List.of("--cpu-unit-nanos", Double.toString(nanosPerUnit())));
            }
            if (placement.placed()) {
                command.addAll(List.of("--placed-by", placement.toSpec()));
            }
            command.addAll(List.of("--child", "--json", json.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            if (dbSettings != null) {
                // The child finds the same database the way a user's run does (a container's URL included).
                builder.environment().put(DatabaseSource.URL, dbSettings.url());
                builder.environment().put(DatabaseSource.USER, dbSettings.user());
                builder.environment().put(DatabaseSource.PASSWORD, dbSettings.password());
            }
            Process child = builder.start();
            ChildOutput errors = ChildOutput.copy(child.getErrorStream(), System.err, spec.label() + " run");
            child.getOutputStream().close();
            int exit = child.waitFor();
            errors.awaitEnd(Duration.ofSeconds(2));
            if (exit != 0 || Files.size(json) == 0) {
                throw new UserException(UserException.FAILED, "the " + spec.label() + " run failed in its own JVM (exit code " + exit + ")");
            }
            return Results.read(json);
        } catch (IOException e) {
            throw new UserException(UserException.FAILED, "cannot run " + spec.label() + " in its own JVM: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserException(UserException.FAILED, "interrupted while running " + spec.label());
        } finally {
            if (json != null) {
                try {
                    Files.deleteIfExists(json);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    /**
     * This JVM's java, flags and class path, for a child JVM like it (a recording or debugger is not passed on;
     * Netty's leak detection level is, even when it was set after start).
     */
    public static List<String> javaCommand() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!flag.contains("StartFlightRecording") && !flag.contains("jdwp") && !flag.startsWith("-D" + ChildLeaks.LEVEL_PROPERTY + "=")) {
                command.add(flag);
            }
        }
        command.addAll(ChildLeaks.flags());
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        return command;
    }

    private Optional<Long> backendPid() {
        if (ownBackend != null) {
            return Optional.of(ownBackend.pid());
        }
        return Optional.ofNullable(givenBackendPid);
    }

    /** CPU time of the backend process so far, or -1 when unknown (a backend on another machine). */
    public long backendCpuMillis() {
        return backendPid().flatMap(ProcessHandle::of)
                .flatMap(p -> p.info().totalCpuDuration())
                .map(Duration::toMillis)
                .orElse(-1L);
    }

    private static boolean needsCpu(Workload workload) {
        return workload instanceof Workload.Cpu || workload instanceof Workload.Mixed;
    }

    @Override
    public void close() {
        if (ownBackend != null) {
            ownBackend.close();
        }
    }
}
