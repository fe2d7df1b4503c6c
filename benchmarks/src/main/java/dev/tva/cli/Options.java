package dev.tva.cli;

import dev.tva.engine.DatabaseSource;
import dev.tva.engine.Measurement;
import dev.tva.engine.ModelSpec;
import dev.tva.engine.Models;
import dev.tva.engine.Runner;
import dev.tva.workloads.DbQuery;
import dev.tva.workloads.DbSettings;
import dev.tva.workloads.Limits;
import dev.tva.workloads.Model;
import dev.tva.workloads.Workload;
import dev.tva.workloads.WorkloadType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** The flags shared by {@code run}, {@code compare} and {@code tour}, with their defaults and units. */
final class Options {
    private Options() {
    }

    /** What each task does. */
    static final class WorkloadOptions {
        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        @Option(names = "--workload", paramLabel = "ID", converter = Converters.WorkloadConverter.class,
                defaultValue = "sleep", description = "sleep | http | cpu | mixed | fanout | db (default: ${DEFAULT-VALUE})")
        WorkloadType workload;

        @Option(names = "--query", paramLabel = "ID", converter = Converters.QueryConverter.class,
                defaultValue = "sleep", description = "for db: sleep = select pg_sleep(latency); read = an indexed lookup of 5 rows (default: ${DEFAULT-VALUE})")
        DbQuery query;

        @Option(names = "--latency", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
                defaultValue = "100ms", description = "wait per task for sleep, http, mixed and fanout, e.g. 100ms, 2s (default: ${DEFAULT-VALUE})")
        Duration latency;

        @Option(names = "--work", paramLabel = "UNITS", converter = Converters.NonNegativeInt.class,
                defaultValue = "100", description = "CPU kernel units per task for cpu and mixed; `lab calibrate` shows a unit's cost (default: ${DEFAULT-VALUE})")
        int work;

        @Option(names = "--bytes", paramLabel = "N", converter = Converters.NonNegativeInt.class,
                defaultValue = "16", description = "size of each backend answer for http, mixed and fanout (default: ${DEFAULT-VALUE})")
        int bytes;

        @Option(names = "--calls", paramLabel = "N", converter = Converters.PositiveInt.class,
                defaultValue = "10", description = "for fanout: backend calls made at once per task (default: ${DEFAULT-VALUE})")
        int calls;

        /** The spec every task runs (CPU work gets a per-task seed from the driver). */
        Workload workload() {
            long millis = latency.toMillis();
            check(millis <= Limits.MAX_LATENCY_MILLIS, "--latency", "at most " + Limits.MAX_LATENCY_MILLIS / 1000 + "s, got " + latency.toMillis() + "ms");
            check(work <= Limits.MAX_WORK_UNITS, "--work", "at most " + Limits.MAX_WORK_UNITS + " units, got " + work);
            check(bytes <= Limits.MAX_BYTES, "--bytes", "at most " + Limits.MAX_BYTES + ", got " + bytes);
            check(calls <= Limits.MAX_FANOUT_CALLS, "--calls", "at most " + Limits.MAX_FANOUT_CALLS + ", got " + calls);
            return switch (workload) {
                case SLEEP -> new Workload.Sleep(millis);
                case HTTP -> new Workload.Http(millis, bytes);
                case CPU -> new Workload.Cpu(work, 0);
                case MIXED -> new Workload.Mixed(new Workload.Http(millis, bytes), new Workload.Cpu(work, 0));
                case FANOUT -> new Workload.FanOut(calls, millis, bytes);
                case DB -> new Workload.Db(millis, query, 0);
            };
        }

        private void check(boolean ok, String flag, String expected) {
            if (!ok) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '" + flag + "': " + expected);
            }
        }
    }

    /** How many tasks at once, how each row is measured, and where results go. */
    static final class LoadOptions {
        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        @Option(names = "--concurrency", paramLabel = "N", converter = Converters.PositiveInt.class,
                defaultValue = "1000", description = "most tasks in flight at once (default: ${DEFAULT-VALUE})")
        int concurrency;

        @Option(names = "--window", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
                defaultValue = "1s", description = "length of one window: completions are counted per window, in the warm-up and in the measurement (default: ${DEFAULT-VALUE})")
        Duration window;

        @Option(names = "--windows", paramLabel = "N", converter = Converters.PositiveInt.class,
                defaultValue = "5", description = "measured windows per fork, after the warm-up (default: ${DEFAULT-VALUE})")
        int windows;

        @Option(names = "--warmup", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
                defaultValue = "30s", description = "warm up in windows until the throughput is steady, at most this long; 0 skips (the row is then not steady) (default: ${DEFAULT-VALUE})")
        Duration warmup;

        @Option(names = "--forks", paramLabel = "N", converter = Converters.PositiveInt.class,
                defaultValue = "1", description = "run each row in N fresh JVMs; its interval covers every window of every fork (default: ${DEFAULT-VALUE})")
        int forks;

        @Option(names = "--tasks", paramLabel = "N", converter = Converters.PositiveInt.class,
                description = "measure exactly N tasks after the warm-up, instead of windows")
        Integer tasks;

        @Option(names = "--timeout", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
                defaultValue = "30s", description = "a backend call that takes longer fails (default: ${DEFAULT-VALUE})")
        Duration timeout;

        @Option(names = "--backend", paramLabel = "URL",
                description = "use this running backend (see `lab backend`) instead of starting one in its own JVM")
        URI backend;

        @Option(names = "--json", paramLabel = "FILE", description = "also write the result JSON here (it always goes under results/)")
        Path json;

        /** How each row is measured, checked once. */
        Measurement measurement() {
            if (window.compareTo(Measurement.SHORTEST_WINDOW) < 0) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--window': at least "
                        + Measurement.SHORTEST_WINDOW.toMillis() + "ms, got " + window.toMillis() + "ms");
            }
            return new Measurement(window, windows, warmup, forks, tasks);
        }
    }

    /** The database's pool and timeouts (the db workload; where the database is comes from LAB_JDBC_URL). */
    static final class DbOptions {
        @Option(names = "--pool", paramLabel = "N", converter = Converters.PositiveInt.class,
                defaultValue = "10", description = "for db: HikariCP pool size, fixed (default: ${DEFAULT-VALUE})")
        int pool;

        @Option(names = "--bulkhead", paramLabel = "N", converter = Converters.NonNegativeInt.class,
                defaultValue = "0", description = "for db: at most N tasks ask the pool at once, the rest queue; 0 = none (default: ${DEFAULT-VALUE})")
        int bulkhead;

        @Option(names = "--connection-timeout", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
                defaultValue = "30s", description = "for db: a task waiting longer for a pooled connection fails (default: ${DEFAULT-VALUE})")
        Duration connectionTimeout;

        @Option(names = "--statement-timeout", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
                defaultValue = "10s", description = "for db: PostgreSQL cancels a longer query (default: ${DEFAULT-VALUE})")
        Duration statementTimeout;

        /** Points {@code runner}'s db tasks at {@code source} with these pool settings, and says so on {@code out}. */
        void attach(Runner runner, DatabaseSource source, java.io.PrintWriter out) {
            DbSettings settings = apply(source.settings());
            runner.useDatabase(settings);
            out.println("database: " + source.describe() + ", " + settings.describePool());
        }

        /** The pool settings for the database at {@code base}'s URL. */
        DbSettings apply(DbSettings base) {
            return base.withPool(pool).withBulkhead(bulkhead)
                    .withTimeouts(connectionTimeout, statementTimeout, DbSettings.DEFAULT_SOCKET_TIMEOUT.plus(statementTimeout));
        }
    }

    /** Model settings. */
    static final class ModelOptions {
        @Option(names = "--threads", paramLabel = "N", converter = Converters.PositiveInt.class,
                defaultValue = "" + Models.DEFAULT_THREADS, description = "platform pool size (default: ${DEFAULT-VALUE}, Tomcat's default)")
        int threads;

        @Option(names = "--loops", paramLabel = "N", converter = Converters.PositiveInt.class,
                description = "event loops (default: cores = ${sys:lab.cores})")
        Integer loops;

        ModelSpec spec(Model model) {
            return new ModelSpec(model, threads, loops());
        }

        int loops() {
            return loops == null ? Runtime.getRuntime().availableProcessors() : loops;
        }

        /** The three models' settings, as the flags give them. */
        Models models() {
            return new Models(threads, loops());
        }

        /** Without {@code --loops}, as many loops as the model's JVM will have CPUs under {@code placement}. */
        void fitLoopsTo(dev.tva.workloads.CpuPlacement placement) {
            if (loops == null && placement.placed()) {
                loops = placement.cpuCount(dev.tva.workloads.CpuPlacement.Role.GENERATOR, Runtime.getRuntime().availableProcessors());
            }
        }
    }
}
