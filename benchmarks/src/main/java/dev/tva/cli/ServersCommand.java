package dev.tva.cli;

import dev.tva.engine.GeneratorCpus;
import dev.tva.engine.ServerBench;
import dev.tva.engine.UserException;
import dev.tva.report.ServerTable;
import dev.tva.report.ServerVerdicts;
import dev.tva.workloads.BackendProcess;
import dev.tva.workloads.CpuKernel;
import dev.tva.workloads.CpuPlacement;
import dev.tva.workloads.Environment;
import dev.tva.workloads.Results;
import dev.tva.workloads.web.Endpoint;
import dev.tva.workloads.web.ServerId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
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
        description = {"Runs the four servers under the same open-model load, each in its own JVM, and prints a table per endpoint and the highest rate each sustains within an SLO (p99 under --slo).",
                "Each server is started (the backend in another JVM), warmed up (1 s at a quarter and 1 s at half of the first rate,"
                        + " then 1 s windows at it until its CPU per answer is steady, at most --warmup), loaded at each rate in turn and stopped.",
                "The table: achieved rate beside the thread bound, p50/p99/p99.9/max, errors, late sends (the server's and the generator's),"
                        + " server and generator CPU, the generator's longest GC pause, RSS, threads, the share of the machine's CPU its host took"
                        + " (steal %%), whether the warm-up settled, and whose fault an INVALID row is."})
final class ServersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ServersOption servers;

    @Option(names = "--endpoint", split = ",", paramLabel = "ID", converter = Converters.EndpointConverter.class, defaultValue = "io",
            description = "endpoints to load, comma-separated: hello, sleep, io, cpu, mixed, fanout, db (default: ${DEFAULT-VALUE})")
    List<Endpoint> endpoints;

    @Option(names = "--rates", converter = Converters.PositiveIntList.class, defaultValue = "500,1000,2000,4000",
            description = "request rates per second, comma-separated (default: ${DEFAULT-VALUE})")
    List<Integer> rates;

    @Option(names = "--duration", converter = Converters.DurationConverter.class, defaultValue = "15s",
            description = "measured time per rate (default: ${DEFAULT-VALUE})")
    Duration duration;

    @Mixin
    WarmupOption warmup;

    @Mixin
    RequestOptions request;

    @Mixin
    ServerOptions server;

    @Option(names = "--block-event-loop", description = "also run netty with /sleep and /io blocking on its loops (the bug), as its own row")
    boolean blockEventLoop;

    @Mixin
    LoadOptions load;

    @Mixin
    JsonOption json;

    @Mixin
    CpusOption cpus;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        validate();
        CpuPlacement placement = cpus.placement(CpuPlacement.Layout.SERVERS);
        int cores = Runtime.getRuntime().availableProcessors();
        int loopCount = server.loopCount(placement);
        boolean computes = endpoints.contains(Endpoint.CPU) || endpoints.contains(Endpoint.MIXED);
        double nanosPerUnit = computes ? CpuKernel.nanosPerUnit(250) : Double.NaN;
        int units = computes ? request.units(nanosPerUnit) : 1;
        ServersSetups setups = new ServersSetups(server, request.wait.ms, servers.ids(), blockEventLoop, loopCount);
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
                warmup.warmup.toSeconds(), ServerBench.RAMP_UP.toSeconds(), duration.toSeconds());
        GeneratorCpus.pin(placement);
        try (BackendProcess backend = BackendProcess.start(placement.cpuCount(CpuPlacement.Role.BACKEND, cores), placement)) {
            for (Endpoint endpoint : endpoints) {
                String path = request.pathAndQuery(endpoint, units);
                ServerBench.Plan plan = new ServerBench.Plan(endpoint, path, rates, duration, warmup.warmup, load.connections, load.timeout,
                        load.slo);
                out.printf(Locale.ROOT, "%nGET %s%s%n", path, endpoint == Endpoint.CPU || endpoint == Endpoint.MIXED
                        ? String.format(Locale.ROOT, " (%d kernel units, about %.1f ms of CPU)", units, units * nanosPerUnit / 1e6) : "");
                out.flush();
                List<ServerBench.Row> rows = ServerBench.run(err, backend.uri(), backend::cpuMillis, setups.bounded(endpoint), plan, placement);
                all.addAll(rows);
                out.print(ServerTable.table(rows, "  "));
                for (String reason : ServerTable.invalidReasons(rows)) {
                    out.println("  INVALID " + reason);
                }
                out.println("  " + ServerTable.sloLine(rows, load.slo));
                String notice = ServerVerdicts.notice(rows, load.slo);
                if (!notice.isEmpty()) {
                    out.println("  " + notice);
                }
                out.flush();
            }
        }
        out.printf(Locale.ROOT, "%nDone in %.0f s.%n", (System.nanoTime() - started) / 1e9);
        out.println(Results.save("servers", all, json.json));
        return 0;
    }

    private void validate() {
        request.wait.validate();
        load.validate();
        if (rates.isEmpty()) {
            throw new UserException(UserException.BAD_INPUT, "Invalid value for option '--rates': give at least one rate");
        }
        if (duration.isZero()) {
            throw new UserException(UserException.BAD_INPUT, "Invalid value for option '--duration': expected more than 0, e.g. 15s");
        }
        if (endpoints.contains(Endpoint.STREAM)) {
            throw new UserException(UserException.BAD_INPUT, "Invalid value for option '--endpoint': stream is not a request-rate endpoint;"
                    + " try it with curl -N (see `lab serve --help`); expected hello, sleep, io, cpu, mixed, fanout or db");
        }
        if (blockEventLoop && !servers.includes(ServerId.NETTY)) {
            throw new UserException(UserException.BAD_INPUT, "--block-event-loop adds a netty row; include netty in --servers");
        }
    }
}
