package dev.tva.cli;

import dev.tva.engine.GeneratorCpus;
import dev.tva.engine.Soak;
import dev.tva.engine.SoakResult;
import dev.tva.engine.UserException;
import dev.tva.load.LoadSettings;
import dev.tva.report.SoakLines;
import dev.tva.workloads.BackendProcess;
import dev.tva.workloads.CpuPlacement;
import dev.tva.workloads.Environment;
import dev.tva.workloads.Results;
import dev.tva.workloads.web.Endpoint;
import dev.tva.workloads.web.ServerId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code lab soak}: one server under a steady open-model load for minutes, sampled, and whether anything grows. */
@Command(name = "soak", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs one server (its own JVM, the backend in another) under a steady open-model load for a long time and samples"
                + " the server process: RSS, heap after GC, threads, open file descriptors, and each interval's latency, with the share of"
                + " the machine's CPU its host took (steal %%).",
                "After the run, each figure's least-squares trend over the samples after the warm-up is FLAT, GROWING or SHRINKING"
                        + " against a stated tolerance. Exit code 1 when the load is INVALID, a figure is GROWING or an interval's p99 is over --slo.",
                "Example: lab soak --server netty --endpoint io --rate 500/s --duration 10m"})
final class SoakCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--server", required = true, paramLabel = "ID", converter = Converters.ServerConverter.class,
            description = "the server: helidon | jdk-platform | jdk-virtual | netty")
    ServerId server;

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

    @Option(names = "--endpoint", paramLabel = "ID", converter = Converters.EndpointConverter.class, defaultValue = "io",
            description = "what every request asks for: hello, sleep, io, cpu, mixed, fanout, db (default: ${DEFAULT-VALUE})")
    Endpoint endpoint;

    @Mixin
    RequestOptions request;

    @Mixin
    ServerOptions serverOptions;

    @Mixin
    LoadOptions load;

    @Mixin
    JsonOption json;

    @Mixin
    CpusOption cpus;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        validate();
        CpuPlacement placement = cpus.placement(CpuPlacement.Layout.SERVERS);
        int cores = Runtime.getRuntime().availableProcessors();
        Soak.Plan plan = new Soak.Plan(server, serverOptions.serverFlags(server, serverOptions.loopCount(placement)), endpoint,
                request.pathAndQuery(endpoint), rate, warmup, duration, sample, load.connections, load.timeout, load.slo);
        out.println("lab soak: " + Environment.current().oneLine());
        out.printf(Locale.ROOT, "%s, GET %s at %,.0f/s (open model) for %d s after a %d s warm-up (%s); a sample every %d s; %s.%n",
                server.id(), plan.pathAndQuery(), rate, duration.toSeconds(), warmup.toSeconds(),
                warmup.isZero() ? "none" : "stepped up: its first quarter at 1/4 of the rate, its second at 1/2, then the rate; not sampled", sample.toSeconds(),
                placement.placed() ? placement.describe() : "server, backend and generator share " + cores + " cores");
        out.println(SoakLines.FORCED_GC);
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
        out.println(Results.save("soak-" + server.id(), result, json.json));
        return result.held() ? 0 : UserException.FAILED;
    }

    private void validate() {
        request.wait.validate();
        load.validate();
        if (endpoint == Endpoint.STREAM) {
            throw bad("Invalid value for option '--endpoint': stream is not a request-rate endpoint; expected hello, sleep, io, cpu, mixed, fanout or db");
        }
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
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
