package dev.tva.cli;

import dev.tva.engine.GeneratorCpus;
import dev.tva.engine.ServerBench;
import dev.tva.engine.UserException;
import dev.tva.load.LoadSettings;
import dev.tva.report.ServerTable;
import dev.tva.report.ServerVerdicts;
import dev.tva.workloads.BackendProcess;
import dev.tva.workloads.Client;
import dev.tva.workloads.CpuKernel;
import dev.tva.workloads.CpuPlacement;
import dev.tva.workloads.DbSettings;
import dev.tva.workloads.Environment;
import dev.tva.workloads.Results;
import dev.tva.workloads.web.Endpoint;
import dev.tva.workloads.web.ServerConfig;
import dev.tva.workloads.web.ServerId;
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
 * {@code lab servers}: the four servers under the same open-model load, each in a JVM of its own, one
 * table per endpoint, and the highest rate each sustains within an SLO.
 */
@Command(name = "servers", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the four servers under the same open-model load, each in its own JVM, and prints a table per endpoint and the highest rate each sustains within an SLO.",
                "Each server is started (the backend in another JVM), warmed up until steady, loaded at each rate in turn and stopped.",
                "The table: achieved rate beside the thread bound, p50/p99/p99.9/max, errors, late sends (the server's and the generator's),"
                        + " server and generator CPU, the generator's longest GC pause, RSS, threads, whether the warm-up settled, and whose fault an INVALID row is."})
final class ServersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--servers", split = ",", converter = Converters.ServerConverter.class,
            description = "which servers (default: all four: helidon, jdk-platform, jdk-virtual, netty)")
    List<ServerId> servers;

    @Option(names = "--endpoint", split = ",", converter = Converters.EndpointConverter.class, defaultValue = "io",
            description = "endpoints to load, comma-separated: hello, sleep, io, cpu, mixed, fanout, db (default: ${DEFAULT-VALUE})")
    List<Endpoint> endpoints;

    @Option(names = "--ms", converter = Converters.NonNegativeInt.class, defaultValue = "50",
            description = "the wait of sleep, io, mixed, fanout and db, in ms (default: ${DEFAULT-VALUE})")
    int ms;

    @Option(names = "--work", converter = Converters.PositiveInt.class,
            description = "CPU kernel units of cpu and mixed (default: about 1 ms of CPU on this machine)")
    Integer work;

    @Option(names = "--n", converter = Converters.PositiveInt.class, defaultValue = "10",
            description = "backend calls per fanout request (default: ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--rates", converter = Converters.PositiveIntList.class, defaultValue = "500,1000,2000,4000",
            description = "request rates per second, comma-separated (default: ${DEFAULT-VALUE})")
    List<Integer> rates;

    @Option(names = "--duration", converter = Converters.DurationConverter.class, defaultValue = "15s",
            description = "measured time per rate (default: ${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = "--warmup", converter = Converters.DurationConverter.class, defaultValue = "20s",
            description = "the longest warm-up of each server before its rates: 1 s at a quarter and 1 s at half of the first rate,"
                    + " then 1 s windows at it until the server's CPU per answer is steady; 0 skips it (default: ${DEFAULT-VALUE})")
    Duration warmup;

    @Option(names = "--slo", converter = Converters.DurationConverter.class, defaultValue = "100ms",
            description = "the p99 a rate must stay under to count as sustained (default: ${DEFAULT-VALUE})")
    Duration slo;

    @Option(names = "--threads", converter = Converters.PositiveInt.class, defaultValue = "" + ServerConfig.DEFAULT_THREADS,
            description = "jdk-platform's pool of platform threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--loops", converter = Converters.PositiveInt.class,
            description = "netty's event loops (default: cores = ${sys:lab.cores}; with --cpus, the server's CPUs)")
    Integer loops;

    @Option(names = "--client", paramLabel = "ID", converter = Converters.ClientConverter.class, defaultValue = "lean",
            description = "HTTP client of io, mixed and fanout on every server: lean | library (default: ${DEFAULT-VALUE})")
    Client client;

    @Option(names = "--block-event-loop", description = "also run netty with /sleep and /io blocking on its loops (the bug), as its own row")
    boolean blockEventLoop;

    @Option(names = "--connections", converter = Converters.PositiveInt.class, defaultValue = "" + LoadSettings.DEFAULT_CONNECTIONS,
            description = "the load generator's most connections (default: ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--timeout", converter = Converters.DurationConverter.class, defaultValue = "10s",
            description = "a request with no answer after this counts as a timeout (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = "--json", paramLabel = "FILE", description = "also write every row here (they always go under results/)")
    Path json;

    @Mixin
    CpusOption cpus;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        validate();
        CpuPlacement placement = cpus.placement(CpuPlacement.Layout.SERVERS);
        int cores = Runtime.getRuntime().availableProcessors();
        int loopCount = loops == null ? placement.cpuCount(CpuPlacement.Role.SERVER, cores) : loops;
        boolean computes = endpoints.contains(Endpoint.CPU) || endpoints.contains(Endpoint.MIXED);
        double nanosPerUnit = computes ? CpuKernel.nanosPerUnit(250) : Double.NaN;
        int units = work != null ? work : computes ? (int) Math.max(1, Math.round(1e6 / nanosPerUnit)) : 1;
        List<ServerBench.Setup> setups = withClient(setups(loopCount));
        List<ServerBench.Row> all = new ArrayList<>();
        long started = System.nanoTime();
        out.println("lab servers: " + Environment.current().oneLine());
        out.printf(Locale.ROOT, "Each server in its own JVM, the backend in another, the load generator in this one: %s.%n",
                placement.placed() ? "each on its own CPUs" : "all share " + cores + " cores");
        if (placement.placed()) {
            out.println(placement.describe());
        }
        out.printf(Locale.ROOT, "Open model: requests sent at a fixed rate, latency from each request's intended send time.%n");
        out.printf(Locale.ROOT, "Each server warms up until steady (at most %d s), then each rate: %d s unmeasured, %d s measured.%n",
                warmup.toSeconds(), ServerBench.RAMP_UP.toSeconds(), duration.toSeconds());
        GeneratorCpus.pin(placement);
        try (BackendProcess backend = BackendProcess.start(placement.cpuCount(CpuPlacement.Role.BACKEND, cores), placement)) {
            for (Endpoint endpoint : endpoints) {
                String path = pathAndQuery(endpoint, units);
                ServerBench.Plan plan = new ServerBench.Plan(endpoint, path, rates, duration, warmup, connections, timeout, slo);
                out.printf(Locale.ROOT, "%nGET %s%s%n", path, endpoint == Endpoint.CPU || endpoint == Endpoint.MIXED
                        ? String.format(Locale.ROOT, " (%d kernel units, about %.1f ms of CPU)", units, units * nanosPerUnit / 1e6) : "");
                out.flush();
                List<ServerBench.Row> rows = ServerBench.run(err, backend.uri(), backend::cpuMillis, withBounds(setups, endpoint, loopCount), plan,
                        placement);
                all.addAll(rows);
                out.print(ServerTable.table(rows, "  "));
                for (String reason : ServerTable.invalidReasons(rows)) {
                    out.println("  INVALID " + reason);
                }
                out.println("  " + ServerTable.sloLine(rows, slo));
                String notice = ServerVerdicts.notice(rows, slo);
                if (!notice.isEmpty()) {
                    out.println("  " + notice);
                }
                out.flush();
            }
        }
        out.printf(Locale.ROOT, "%nDone in %.0f s.%n", (System.nanoTime() - started) / 1e9);
        out.println(Results.save("servers", all, json));
        return 0;
    }

    private void validate() {
        if (rates.isEmpty()) {
            throw new UserException(UserException.BAD_INPUT, "Invalid value for option '--rates': give at least one rate");
        }
        if (duration.isZero()) {
            throw new UserException(UserException.BAD_INPUT, "Invalid value for option '--duration': expected more than 0, e.g. 15s");
        }
        if (ms > dev.tva.workloads.Limits.MAX_LATENCY_MILLIS) {
            throw new UserException(UserException.BAD_INPUT, "Invalid value for option '--ms': expected 0.."
                    + dev.tva.workloads.Limits.MAX_LATENCY_MILLIS + ", got " + ms);
        }
        if (endpoints.contains(Endpoint.STREAM)) {
            throw new UserException(UserException.BAD_INPUT, "Invalid value for option '--endpoint': stream is not a request-rate endpoint;"
                    + " try it with curl -N (see `lab serve --help`); expected hello, sleep, io, cpu, mixed, fanout or db");
        }
        if (blockEventLoop && servers != null && !servers.contains(ServerId.NETTY)) {
            throw new UserException(UserException.BAD_INPUT, "--block-event-loop adds a netty row; include netty in --servers");
        }
    }

    /** The servers to run, in the order asked, each with its flags. */
    private List<ServerBench.Setup> setups(int loopCount) {
        List<ServerId> ids = servers == null ? List.of(ServerId.values()) : servers;
        List<ServerBench.Setup> setups = new ArrayList<>();
        for (ServerId id : ids) {
            switch (id) {
                case JDK_PLATFORM -> setups.add(new ServerBench.Setup(id, List.of("--threads", Integer.toString(threads)),
                        id + " (" + threads + " threads)", null));
                case NETTY -> {
                    setups.add(new ServerBench.Setup(id, List.of("--loops", Integer.toString(loopCount)), id.id(), null));
                    if (blockEventLoop) {
                        setups.add(new ServerBench.Setup(id, List.of("--loops", Integer.toString(loopCount), "--block-event-loop"),
                                "netty, blocking its loops", null));
                    }
                }
                default -> setups.add(new ServerBench.Setup(id, List.of(), id.id(), null));
            }
        }
        return setups;
    }

    /** The same setups, each calling the backend with {@code --client}. */
    private List<ServerBench.Setup> withClient(List<ServerBench.Setup> setups) {
        List<ServerBench.Setup> withClient = new ArrayList<>();
        for (ServerBench.Setup s : setups) {
            List<String> flags = new ArrayList<>(s.flags());
            flags.addAll(List.of("--client", client.id()));
            withClient.add(new ServerBench.Setup(s.id(), flags, s.label(), s.boundPerSec()));
        }
        return withClient;
    }

    /** The same setups with their thread bound for this endpoint: only a wait bounds by threads. */
    private List<ServerBench.Setup> withBounds(List<ServerBench.Setup> setups, Endpoint endpoint, int loopCount) {
        List<ServerBench.Setup> bounded = new ArrayList<>();
        for (ServerBench.Setup s : setups) {
            bounded.add(new ServerBench.Setup(s.id(), s.flags(), s.label(), bound(s, endpoint, loopCount)));
        }
        return bounded;
    }

    private Double bound(ServerBench.Setup s, Endpoint endpoint, int loopCount) {
        if (ms == 0) {
            return null;
        }
        double perSlot = 1000.0 / ms;
        boolean blockedLoop = s.flags().contains("--block-event-loop");
        Double bound = null;
        if (s.id() == ServerId.JDK_PLATFORM && List.of(Endpoint.SLEEP, Endpoint.IO, Endpoint.MIXED, Endpoint.FANOUT, Endpoint.DB).contains(endpoint)) {
            bound = threads * perSlot;
        }
        if (blockedLoop && (endpoint == Endpoint.SLEEP || endpoint == Endpoint.IO)) {
            bound = loopCount * perSlot;
        }
        if (endpoint == Endpoint.DB) {
            double pool = DbSettings.DEFAULT_POOL * perSlot;
            bound = bound == null ? pool : Math.min(bound, pool);
        }
        return bound;
    }

    private String pathAndQuery(Endpoint endpoint, int units) {
        return switch (endpoint) {
            case HELLO -> "/hello";
            case SLEEP, IO, DB -> endpoint.path() + "?ms=" + ms;
            case CPU -> "/cpu?work=" + units;
            case MIXED -> "/mixed?ms=" + ms + "&work=" + units;
            case FANOUT -> "/fanout?n=" + n + "&ms=" + ms;
            case STREAM -> throw new IllegalStateException("stream is rejected in validate()");
        };
    }
}
