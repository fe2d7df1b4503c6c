package dev.tva.cli;

import dev.tva.engine.GeneratorCpus;
import dev.tva.engine.OverloadResult;
import dev.tva.engine.OverloadRun;
import dev.tva.engine.Recovery;
import dev.tva.engine.ServerBench;
import dev.tva.engine.UserException;
import dev.tva.report.OverloadText;
import dev.tva.workloads.BackendProcess;
import dev.tva.workloads.CpuPlacement;
import dev.tva.workloads.Environment;
import dev.tva.workloads.Results;
import dev.tva.workloads.web.Endpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code lab overload}: each server at twice its capacity, then at half of it, in one open-model run; did
 * it survive, was every request accounted for, and how long after the drop was its p99 back under the SLO.
 *
 * <p>The default {@code --timeout} is 2 s, a user who gives up after 2 s. The timeout bounds the backlog in
 * front of the server: a request waiting longer is dropped, as the user would leave. With 10 s, the last
 * 10 s of the overload (20 s of capacity at 2x) are still waiting when the rate drops, and half the
 * capacity spare works them off slowly: the recovery would measure the client's patience, not the server.
 */
@Command(name = "overload", mixinStandardHelpOptions = true, sortOptions = false, defaultValueProvider = OverloadCommand.Defaults.class,
        description = {"Runs each server at twice its capacity, then at half of it, in ONE open-model run (the backlog carries over),"
                + " and reports whether it stayed alive, every request's fate, the p99 of each second and the recovery time (until it is back under --slo).",
                "Each server in its own JVM, the backend in another; capacity measured (closed model, doubling connections) unless given;"
                        + " then the overload rehearsed, shorter, and the server warmed up again, so that no JIT compiling lands in the measured run."})
final class OverloadCommand implements Callable<Integer> {
    /** The endpoints a rate alone describes: the others need --work, --n or a database. */
    static final Set<Endpoint> ENDPOINTS = EnumSet.of(Endpoint.HELLO, Endpoint.SLEEP, Endpoint.IO);

    @Spec
    CommandSpec spec;

    @Mixin
    ServersOption servers;

    @Option(names = "--endpoint", converter = Converters.EndpointConverter.class, defaultValue = "io",
            description = "the endpoint to overload: hello, sleep or io (default: ${DEFAULT-VALUE})")
    Endpoint endpoint;

    @Option(names = "--capacity", converter = Converters.RateConverter.class, paramLabel = "RATE",
            description = "the servers' capacity in requests/s (default: measured per server)")
    Double capacity;

    @Option(names = "--over", converter = Converters.DurationConverter.class, defaultValue = "30s",
            description = "how long at twice the capacity (default: ${DEFAULT-VALUE})")
    Duration over;

    @Option(names = "--after", converter = Converters.DurationConverter.class, defaultValue = "30s",
            description = "how long at half the capacity after it, at least 5s (default: ${DEFAULT-VALUE})")
    Duration after;

    @Mixin
    WaitOption wait;

    @Mixin
    ServerOptions server;

    @Mixin
    WarmupOption warmup;

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
        whole("--over", over, Duration.ofSeconds(1));
        whole("--after", after, Duration.ofSeconds(5));
        whole("--timeout", load.timeout, Duration.ofSeconds(1));
        wait.validate();
        load.validate();
        wait.accept(endpoint, ENDPOINTS);
        String path = wait.pathAndQuery(endpoint, 1, 1);
        CpuPlacement placement = cpus.placement(CpuPlacement.Layout.SERVERS);
        int cores = Runtime.getRuntime().availableProcessors();
        OverloadRun.Plan plan = new OverloadRun.Plan(endpoint, path, capacity, over, after, warmup.warmup, load.connections, load.timeout, load.slo);
        out.println("lab overload: " + Environment.current().oneLine());
        out.printf(Locale.ROOT, "GET %s at twice each server's capacity for %d s, then half of it for %d s, in one open-model run;"
                + " recovered = p99 of each second back under %d ms within %d s of the drop, and staying there.%n",
                path, over.toSeconds(), after.toSeconds(), load.slo.toMillis(), Recovery.WITHIN.toSeconds());
        out.println("Each server in its own JVM, the backend in another, the load generator in this one: "
                + (placement.placed() ? placement.describe() + "." : "all share " + cores + " cores."));
        out.flush();
        GeneratorCpus.pin(placement);
        List<OverloadResult> results = new ArrayList<>();
        try (BackendProcess backend = BackendProcess.start(placement.cpuCount(CpuPlacement.Role.BACKEND, cores), placement)) {
            for (ServerBench.Setup setup : server.setups(servers.ids(), server.loopCount(placement))) {
                OverloadResult r = OverloadRun.run(err, setup.calling(backend.uri()), plan, placement);
                results.add(r);
                out.println();
                out.print(OverloadText.block(r));
                out.flush();
            }
        }
        out.println();
        out.println(Results.save("overload", results, json.json));
        return results.stream().anyMatch(r -> r.verdict() == Recovery.Verdict.CRASHED || r.lost() != 0) ? UserException.FAILED : 0;
    }

    /** A user gives up after 2 s (see above); whole seconds, as the timeline counts. */
    static final class Defaults extends CommandDefaults {
        Defaults() {
            super(Map.of("--timeout", "2s"));
        }
    }

    /** Whole seconds, at least {@code min}: the timeline and the recovery count in seconds. */
    private static void whole(String flag, Duration d, Duration min) {
        if (d.compareTo(min) < 0 || d.toMillis() % 1000 != 0) {
            throw new UserException(UserException.BAD_INPUT, "Invalid value for option '" + flag + "': expected whole seconds, at least "
                    + min.toSeconds() + "s, got " + d.toMillis() + "ms");
        }
    }
}
