package dev.tva.cli;

import dev.tva.engine.GeneratorCpus;
import dev.tva.engine.Soak;
import dev.tva.engine.SoakResult;
import dev.tva.load.LoadSettings;
import dev.tva.report.SoakLines;
import dev.tva.workloads.BackendProcess;
import dev.tva.workloads.Client;
import dev.tva.workloads.CpuKernel;
import dev.tva.workloads.CpuPlacement;
import dev.tva.workloads.Environment;
import dev.tva.workloads.Limits;
import dev.tva.workloads.Results;
import dev.tva.workloads.web.Endpoint;
import dev.tva.workloads.web.ServerConfig;
import dev.tva.workloads.web.ServerId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code lab soak}: one server under a steady open-model load for minutes, sampled, and whether anything grows. */
@Command(name = "soak", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs one server (its own JVM, the backend in another) under a steady open-model load for a long time and samples"
                + " the server process: RSS, heap after GC, threads, open file descriptors, and each interval's latency.",
                "After the run, each figure's least-squares trend over the samples after the warm-up is FLAT, GROWING or SHRINKING"
                        + " against a stated tolerance. Exit code 1 when the load is INVALID, a figure is GROWING or an interval's p99 is over --slo.",
                "Example: lab soak --server netty --endpoint io --rate 500/s --duration 10m"})
final class SoakCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--server", required = true, paramLabel = "ID", converter = Converters.ServerConverter.class,
            description = "the server: helidon | jdk-platform | jdk-virtual | netty")
    ServerId server;

    @Option(names = "--endpoint", paramLabel = "ID", converter = Converters.EndpointConverter.class, defaultValue = "io",
            description = "what every request asks for: hello, sleep, io, cpu, mixed, fanout, db (default: ${DEFAULT-VALUE})")
    Endpoint endpoint;

    @Option(names = "--ms", converter = Converters.NonNegativeInt.class, defaultValue = "50",
            description = "the wait of sleep, io, mixed, fanout and db, in ms (default: ${DEFAULT-VALUE})")
    int ms;

    @Option(names = "--work", converter = Converters.PositiveInt.class,
            description = "CPU kernel units of cpu and mixed (default: about 1 ms of CPU on this machine)")
    Integer work;

    @Option(names = "--n", converter = Converters.PositiveInt.class, defaultValue = "10",
            description = "backend calls per fanout request (default: ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--rate", required = true, paramLabel = "RATE", converter = Converters.RateConverter.class,
            description = "requests per second, e.g. 500/s or 500, held for the whole run")
    double rate;

    @Option(names = "--duration", converter = Converters.DurationConverter.class, defaultValue = "10m",
            description = "sampled time after the warm-up, at most 1 h (default: ${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = "--warmup", converter = Converters.DurationConverter.class, defaultValue = "60s",
            description = "the same load first, not sampled into the trend (JIT, heap sizing, connections) (default: ${DEFAULT-VALUE})")
    Duration warmup;

    @Option(names = "--sample", converter = Converters.DurationConverter.class, defaultValue = "10s",
            description = "time between samples, whole seconds, at most half the duration (default: ${DEFAULT-VALUE})")
    Duration sample;

    @Option(names = "--slo", converter = Converters.DurationConverter.class, defaultValue = "100ms",
            description = "the p99 every interval must stay under (default: ${DEFAULT-VALUE})")
    Duration slo;

    @Option(names = "--threads", converter = Converters.PositiveInt.class, defaultValue = "" + ServerConfig.DEFAULT_THREADS,
            description = "jdk-platform's pool of platform threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--loops", converter = Converters.PositiveInt.class,
            description = "netty's event loops (default: cores = ${sys:lab.cores}; with --cpus, the server's CPUs)")
    Integer loops;

    @Option(names = "--client", paramLabel = "ID", converter = Converters.ClientConverter.class, defaultValue = "lean",
            description = "HTTP client of io, mixed and fanout: lean | library (default: ${DEFAULT-VALUE})")
    Client client;

    @Option(names = "--connections", converter = Converters.PositiveInt.class, defaultValue = "" + LoadSettings.DEFAULT_CONNECTIONS,
            description = "the load generator's most connections (default: ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--timeout", converter = Converters.DurationConverter.class, defaultValue = "10s",
            description = "a request with no answer after this counts as a timeout (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the result here (it always goes under results/)")
    Path json;

    @Mixin
    CpusOption cpus;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        validate();
        CpuPlacement placement = cpus.placement(CpuPlacement.Layout.SERVERS);
        int cores = Runtime.getRuntime().availableProcessors();
        int loopCount = loops == null ? placement.cpuCount(CpuPlacement.Role.SERVER, cores) : loops;
        int units = work != null ? work : endpoint == Endpoint.CPU || endpoint == Endpoint.MIXED
                ? (int) Math.max(1, Math.round(1e6 / CpuKernel.nanosPerUnit(250))) : 1;
        List<String> flags = new ArrayList<>(List.of("--client", client.id()));
        switch (server) {
            case JDK_PLATFORM -> flags.addAll(List.of("--threads", Integer.toString(threads)));
            case NETTY -> flags.addAll(List.of("--loops", Integer.toString(loopCount)));
            default -> { }
        }
        Soak.Plan plan = new Soak.Plan(server, flags, endpoint, pathAndQuery(units), rate, warmup, duration, sample, connections, timeout, slo);
        out.println("lab soak: " + Environment.current().oneLine());
        out.printf(Locale.ROOT, "%s, GET %s at %,.0f/s (open model) for %d s after a %d s warm-up; a sample every %d s; %s.%n",
                server.id(), plan.pathAndQuery(), rate, duration.toSeconds(), warmup.toSeconds(), sample.toSeconds(),
                placement.placed() ? placement.describe() : "server, backend and generator share " + cores + " cores");
        out.println(SoakLines.head());
        out.flush();
        GeneratorCpus.pin(placement);
        SoakResult result;
        try (BackendProcess backend = BackendProcess.start(placement.cpuCount(CpuPlacement.Role.BACKEND, cores), placement)) {
            result = Soak.run(out, backend.uri(), plan, placement, s -> {
                out.println(SoakLines.sample(s));
                out.flush();
            });
        }
        SoakLines.trends(result).forEach(out::println);
        out.println(Results.save("soak-" + server.id(), result, json));
        return result.held() ? 0 : dev.tva.engine.UserException.FAILED;
    }

    private void validate() {
        if (duration.isZero() || duration.compareTo(LoadSettings.MAX_DURATION) > 0) {
            throw bad("Invalid value for option '--duration': expected more than 0 and at most 1 h, e.g. 10m, got " + duration.toMillis() + "ms");
        }
        if (warmup.compareTo(LoadSettings.MAX_DURATION) > 0) {
            throw bad("Invalid value for option '--warmup': expected 0 to 1 h, e.g. 60s, got " + warmup.toMillis() + "ms");
        }
        if (sample.isZero() || sample.toMillis() % 1000 != 0) {
            throw bad("Invalid value for option '--sample': expected whole seconds (the load reports once a second), e.g. 10s, got "
                    + sample.toMillis() + "ms");
        }
        if (duration.compareTo(sample.multipliedBy(2)) < 0) {
            throw bad("Invalid value for option '--sample': a trend needs at least 2 samples, so at most half of --duration ("
                    + duration.toSeconds() + " s), got " + sample.toSeconds() + " s");
        }
        if (ms > Limits.MAX_LATENCY_MILLIS) {
            throw bad("Invalid value for option '--ms': expected 0.." + Limits.MAX_LATENCY_MILLIS + ", got " + ms);
        }
        if (endpoint == Endpoint.STREAM) {
            throw bad("Invalid value for option '--endpoint': stream is not a request-rate endpoint; expected hello, sleep, io, cpu, mixed, fanout or db");
        }
        if (timeout.isZero()) {
            throw bad("Invalid value for option '--timeout': expected more than 0, e.g. 10s");
        }
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private String pathAndQuery(int units) {
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
