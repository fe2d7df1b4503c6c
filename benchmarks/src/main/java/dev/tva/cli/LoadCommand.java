package dev.tva.cli;

import dev.tva.engine.GeneratorCpus;
import dev.tva.engine.UserException;
import dev.tva.load.HyperfoilBenchmark;
import dev.tva.load.KernelMonitor;
import dev.tva.load.LoadGenerator;
import dev.tva.load.LoadModel;
import dev.tva.load.LoadResult;
import dev.tva.load.LoadSettings;
import dev.tva.load.Progress;
import dev.tva.load.Transport;
import dev.tva.report.Describe;
import dev.tva.report.ResultTable;
import dev.tva.workloads.CpuPlacement;
import dev.tva.workloads.Experiment;
import dev.tva.workloads.LatencySummary;
import dev.tva.workloads.Results;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** {@code lab load}: a fixed request rate against a running server, latency from each request's intended time. */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sends GET requests to one URL at a fixed rate (open model, like wrk2) and reports latency percentiles "
                + "measured from each request's intended send time, so a server that falls behind cannot hide it.",
                "A run with errors, timeouts or more than 1%% of requests sent late is INVALID (exit code 1).",
                "Example: lab load --url 'http://127.0.0.1:8080/io?ms=50' --rate 2000/s --duration 20s",
                "Contrast: lab load --url ... --closed --connections 64 --duration 10s",
                "Second opinion: lab load --url ... --rate 2000/s --emit hyperfoil --emit-file lab-load.hf.yaml (writes the same load "
                        + "as a Hyperfoil benchmark instead of sending it)"})
final class LoadCommand implements Callable<Integer> {
    /** Runs longer than this show a progress line each second. */
    private static final Duration PROGRESS_AFTER = Duration.ofSeconds(3);
    static final String CLOSED_LABEL = "closed model (teaching contrast): latency is measured from the actual send, "
            + "so queueing in front of the server is hidden";

    @Spec
    CommandSpec spec;

    @Option(names = "--url", required = true, paramLabel = "URL", converter = Converters.UrlConverter.class,
            description = "what every request GETs: http://HOST:PORT/PATH?QUERY (a running server; see `lab backend`)")
    URI url;

    @Option(names = "--rate", paramLabel = "RATE", converter = Converters.RateConverter.class,
            description = "requests per second, e.g. 2000/s or 2000; required unless --closed")
    Double rate;

    @Option(names = "--duration", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            defaultValue = "10s", description = "how long to send and measure, e.g. 20s (default: ${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = "--connections", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "most connections, opened only when all are busy (default: " + LoadSettings.DEFAULT_CONNECTIONS
                    + "); with --closed, exactly this many (default: " + LoadSettings.DEFAULT_CLOSED_CONNECTIONS + ")")
    Integer connections;

    @Option(names = "--closed", description = "closed model instead, as a teaching contrast: each connection sends when its answer arrives")
    boolean closed;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            defaultValue = "10s", description = "a request unanswered this long after its intended time (closed: its send) is a timeout (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = "--warmup", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            defaultValue = "5s", description = "the same load first, this long, not measured, stepped up (a quarter of it at a quarter of the rate,"
            + " a quarter at half): a cold generator spends its first second loading and compiling its own code (default: ${DEFAULT-VALUE})")
    Duration warmup;

    @Option(names = "--late-threshold", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            defaultValue = "10ms", description = "a request sent later than this after its intended time is late; over 1%% late makes a run INVALID (default: ${DEFAULT-VALUE})")
    Duration lateThreshold;

    @Option(names = "--loops", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "event loops sending the load (default: cores = ${sys:lab.cores}; with --cpus, its CPUs)")
    Integer loops;

    @Option(names = "--transport", paramLabel = "T", converter = Converters.TransportConverter.class,
            description = "how the generator's event loops reach their sockets: epoll (Netty's native transport, Linux) or nio "
                    + "(the JDK's selector) (default: epoll where this machine can load it, else nio)")
    Transport transport;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the result JSON here (it always goes under results/)")
    Path json;

    @Mixin
    CpusOption cpus;

    @Option(names = "--emit", paramLabel = "FORMAT", converter = Converters.EmitConverter.class,
            description = "send nothing: write the same load in another tool's format and exit; hyperfoil (a Hyperfoil benchmark, YAML)")
    Emit emit;

    @Option(names = "--emit-file", paramLabel = "FILE", description = "with --emit: write it to FILE instead of standard output")
    Path emitFile;

    /** Another load generator's format that {@code --emit} writes the same load in. */
    enum Emit {
        /** A Hyperfoil benchmark (YAML): {@link HyperfoilBenchmark}. */
        HYPERFOIL("hyperfoil");

        private final String id;

        Emit(String id) {
            this.id = id;
        }

        static Emit fromId(String id) {
            return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    "'" + id + "' is not a format lab load can write; expected one of "
                            + String.join(", ", Arrays.stream(values()).map(e -> e.id).toList())));
        }

        @Override
        public String toString() {
            return id;
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CpuPlacement placement = cpus.placement(CpuPlacement.Layout.LOAD);
        LoadSettings settings = settings();
        if (emit != null) {
            return emit(settings, out);
        }
        GeneratorCpus.pin(placement);
        if (loops == null && placement.placed()) {
            settings = settings.withLoops(placement.cpuCount(CpuPlacement.Role.GENERATOR, settings.loops()));
        }
        try {
            LoadGenerator.checkReachable(settings.uri(), Duration.ofSeconds(3));
        } catch (IOException e) {
            throw new UserException(UserException.BAD_INPUT, "cannot connect to " + settings.uri().getHost() + ":" + settings.uri().getPort()
                    + " (" + Experiment.describe(e) + "): is a server listening there? (check --url)");
        }
        out.println(header(settings));
        if (placement.placed()) {
            out.println("load: " + placement.describe());
        }
        boolean showProgress = settings.warmup().plus(settings.duration()).compareTo(PROGRESS_AFTER) > 0;
        LoadResult result = LoadGenerator.run(settings, showProgress ? progress(err) : p -> { });
        if (placement.placed()) {
            result = result.withCpus(placement.toSpec());
        }
        print(out, result);
        out.println(Results.save("load-" + settings.model().id(), result, json));
        return result.valid() ? 0 : UserException.FAILED;
    }

    /** Writes the load in the {@code --emit} format instead of sending it; the target need not be reachable from here. */
    private int emit(LoadSettings settings, PrintWriter out) {
        String text = switch (emit) {
            case HYPERFOIL -> HyperfoilBenchmark.of(settings).toYaml();
        };
        if (emitFile == null) {
            out.print(text);
            out.flush();
            return 0;
        }
        try {
            Files.writeString(emitFile, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException(UserException.BAD_INPUT, "cannot write --emit-file " + emitFile + " (" + Experiment.describe(e) + ")");
        }
        out.println("wrote " + emitFile + ": the " + emit + " benchmark '" + HyperfoilBenchmark.NAME + "', " + settings.model()
                + " model, against " + settings.uri());
        return 0;
    }

    /** The flags as settings; a combination that makes no sense is one line and exit code 2. */
    private LoadSettings settings() {
        if (emitFile != null && emit == null) {
            throw bad("Invalid value for option '--emit-file': it says where --emit writes; add --emit hyperfoil, or drop --emit-file");
        }
        if (emit != null && json != null) {
            throw bad("Invalid value for option '--json': --emit writes a benchmark instead of running one, so there is no result; drop --json or --emit");
        }
        positive(duration, "--duration", "20s");
        positive(timeout, "--timeout", "10s");
        positive(lateThreshold, "--late-threshold", "10ms");
        if (closed && rate != null) {
            throw bad("Invalid value for option '--rate': the closed model has no rate (each connection sends when its answer arrives); drop --rate or --closed");
        }
        if (!closed && rate == null) {
            throw bad("Missing required option: '--rate=RATE' (requests per second, e.g. 2000/s), or --closed for the closed model");
        }
        try {
            LoadSettings settings = closed
                    ? LoadSettings.closed(url, connections == null ? LoadSettings.DEFAULT_CLOSED_CONNECTIONS : connections, duration)
                    : LoadSettings.open(url, rate, duration).withConnections(connections == null ? LoadSettings.DEFAULT_CONNECTIONS : connections);
            settings = settings.withTimeout(timeout).withWarmup(warmup).withLateThreshold(lateThreshold);
            if (transport != null) {
                settings = settings.withTransport(transport);
            }
            return loops == null ? settings : settings.withLoops(loops);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private void positive(Duration d, String flag, String example) {
        if (d.isZero() || d.compareTo(LoadSettings.MAX_DURATION) > 0) {
            throw bad("Invalid value for option '" + flag + "': expected more than 0 and at most 1 h, e.g. " + example + ", got " + d.toMillis() + "ms");
        }
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    static String header(LoadSettings s) {
        String warm = s.warmup().isZero() ? "no warm-up" : Describe.duration(s.warmup()) + " warm-up first";
        return switch (s.model()) {
            case OPEN -> String.format(Locale.ROOT, "load: open model, %s/s for %s (%s) | up to %,d connections, %d event loops (%s) | timeout %s | %s",
                    rate(s.ratePerSec()), Describe.duration(s.duration()), warm, s.connections(), s.effectiveLoops(), s.transport(),
                    Describe.duration(s.timeout()), s.uri());
            case CLOSED -> String.format(Locale.ROOT, "load: %s%nload: closed model, %,d connections for %s (%s) | %d event loops (%s) | timeout %s | %s",
                    CLOSED_LABEL, s.connections(), Describe.duration(s.duration()), warm, s.effectiveLoops(), s.transport(),
                    Describe.duration(s.timeout()), s.uri());
        };
    }

    private static Consumer<Progress> progress(PrintWriter err) {
        return p -> {
            if (p.warmingUp()) {
                err.printf(Locale.ROOT, "  ... warm-up %d s: %,.0f answers/s%n", p.elapsedMillis() / 1000, p.answersPerSec());
            } else {
                err.printf(Locale.ROOT, "  ... %d/%d s: sent %,d, completed %,d, errors %,d, late %,d, %,.0f/s%n", p.elapsedMillis() / 1000,
                        p.totalMillis() / 1000, p.sent(), p.completed(), p.errors() + p.timeouts(), p.late(), p.answersPerSec());
            }
        };
    }

    static void print(PrintWriter out, LoadResult r) {
        boolean open = LoadModel.OPEN.id().equals(r.model());
        LatencySummary l = r.latencyMicros();
        out.printf(Locale.ROOT, "  rate        %sachieved %s/s over %.2f s%n",
                open ? "target " + rate(r.targetPerSec()) + "/s, " : "", rate(r.achievedPerSec()), r.measuredMillis() / 1000.0);
        out.printf(Locale.ROOT, "  latency ms  p50 %s  p90 %s  p99 %s  p99.9 %s  max %s%n", ResultTable.millis(l.p50()),
                ResultTable.millis(l.p90()), ResultTable.millis(l.p99()), ResultTable.millis(l.p999()), ResultTable.millis(l.max()));
        out.println("              " + (open ? "from each request's intended send time (coordinated omission corrected)" : CLOSED_LABEL));
        out.printf(Locale.ROOT, "  requests    sent %,d, completed %,d, errors %,d, timeouts %,d", r.sent(), r.completed(), r.errors(), r.timeouts());
        out.println(open ? String.format(Locale.ROOT, ", late %,d (no free connection %,d, generator behind %,d)",
                r.late(), r.lateNoConnection(), r.lateGenerator()) : "");
        out.printf(Locale.ROOT, "  connections %,d opened (%s %,d), %d event loops%s%n", r.connectionsOpened(),
                open ? "at most" : "held", r.connections(), r.loops(), r.transport() == null ? "" : " on " + r.transport());
        if (r.generatorCpuMillis() >= 0) {
            out.printf(Locale.ROOT, "  generator   %.1f s CPU over the measured part (%.1f us per answer)%s, longest GC pause %d ms%n",
                    r.generatorCpuMillis() / 1000.0, r.completed() == 0 ? 0.0 : r.generatorCpuMillis() * 1000.0 / r.completed(),
                    r.generatorCpuWaitMillis() < 0 ? "" : String.format(Locale.ROOT, ", its threads %.1f s waiting for a CPU",
                            r.generatorCpuWaitMillis() / 1000.0),
                    r.generatorLongestGcPauseMillis());
        }
        if (r.hostStealPercent() != null) {
            out.printf(Locale.ROOT, "  host        took %.1f%% of this machine's CPU time over the measured part (steal time)%n",
                    r.hostStealPercent());
        }
        if (r.kernelMonitorPercent() != null) {
            out.printf(Locale.ROOT, "  kernel      its memory monitor (kdamond) took %.1f%% of this machine's CPU time over the measured part%n",
                    r.kernelMonitorPercent());
            if (KernelMonitor.tookTheCpuWhileBehind(r.kernelMonitorPercent(), r.faults())) {
                out.println("              a pass of it can keep a CPU for tens of milliseconds while the generator waits: "
                        + KernelMonitor.WHERE_TO_LOOK);
            }
        }
        if (r.firstError() != null) {
            out.println("  first error " + r.firstError());
        }
        out.println(r.valid() ? "  VALID" : "  INVALID: " + r.invalidReason());
        out.println("  " + r.env().oneLine());
    }

    private static String rate(double perSec) {
        return perSec >= 100 ? String.format(Locale.ROOT, "%,.0f", perSec) : String.format(Locale.ROOT, "%.1f", perSec);
    }
}
