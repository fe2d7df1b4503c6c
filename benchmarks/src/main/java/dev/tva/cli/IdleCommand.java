package dev.tva.cli;

import dev.tva.engine.IdleResult;
import dev.tva.engine.IdleRun;
import dev.tva.engine.OpenFiles;
import dev.tva.engine.ServerBench;
import dev.tva.engine.UserException;
import dev.tva.report.IdleText;
import dev.tva.workloads.BackendProcess;
import dev.tva.workloads.CpuPlacement;
import dev.tva.workloads.Environment;
import dev.tva.workloads.Results;
import dev.tva.workloads.web.Endpoint;
import dev.tva.workloads.web.ServerLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code lab idle}: each server holding thousands of idle keep-alive connections while a modest load runs
 * beside them; what they cost it in memory and threads, whether they stayed open, and the load's p99.
 */
@Command(name = "idle", mixinStandardHelpOptions = true, sortOptions = false, defaultValueProvider = IdleCommand.Defaults.class,
        description = {"Opens --idle keep-alive connections to each server (each served one GET /hello, then silent) and loads it at --rate"
                + " beside them; reports the server's RSS and threads before and with them, how many stayed open, and the load's p99 against --slo.",
                "Each server in its own JVM, the backend in another. Opening, ramp-up and load must end before the servers' "
                        + "idle timeout (60 s)."})
final class IdleCommand implements Callable<Integer> {
    /** Opening the idle connections takes time too: load and ramp-up may take at most this, so the count comes before the idle timeout. */
    static final Duration MAX_LOAD = Duration.ofSeconds(40);

    @Spec
    CommandSpec spec;

    @Mixin
    ServersOption servers;

    @Option(names = "--endpoint", converter = Converters.EndpointConverter.class, defaultValue = "hello",
            description = "the endpoint loaded beside the idle connections: hello, sleep or io (default: ${DEFAULT-VALUE})")
    Endpoint endpoint;

    @Option(names = "--idle", converter = Converters.PositiveInt.class, defaultValue = "15000",
            description = "idle keep-alive connections held open (default: ${DEFAULT-VALUE})")
    int idle;

    @Option(names = "--rate", converter = Converters.RateConverter.class, defaultValue = "1000",
            description = "requests per second of the load beside them (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--duration", converter = Converters.DurationConverter.class, defaultValue = "20s",
            description = "measured time of the load, after 2 s unmeasured; at most 38s (default: ${DEFAULT-VALUE})")
    Duration duration;

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

    /** The load beside the idle connections is light (/hello at 1,000/s by default): its p99 is held to 50 ms. */
    static final class Defaults extends CommandDefaults {
        Defaults() {
            super(Map.of("--slo", "50ms"));
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        wait.validate();
        load.validate();
        wait.accept(endpoint, OverloadCommand.ENDPOINTS);
        String path = wait.pathAndQuery(endpoint, 1, 1);
        if (duration.isZero() || duration.plus(ServerBench.RAMP_UP).compareTo(MAX_LOAD) > 0) {
            throw new UserException(UserException.BAD_INPUT, "Invalid value for option '--duration': expected 1ms.."
                    + MAX_LOAD.minus(ServerBench.RAMP_UP).toSeconds() + "s (servers close connections idle for "
                    + ServerLimits.IDLE_TIMEOUT.toSeconds() + " s, and opening them takes time too), got " + duration.toMillis() + "ms");
        }
        long needed = (long) idle + load.connections;
        for (String refusal : new String[] {OpenFiles.self().refusal("the lab's process", needed), OpenFiles.child().refusal("a server", needed)}) {
            if (refusal != null) {
                throw new UserException(UserException.BAD_INPUT, refusal);
            }
        }
        IdleRun.Plan plan = new IdleRun.Plan(endpoint, path, idle, rate, duration, warmup.warmup, load.connections, load.timeout, load.slo);
        out.println("lab idle: " + Environment.current().oneLine());
        out.printf(Locale.ROOT, "%,d idle keep-alive connections per server, and GET %s at %,.0f/s beside them for %d s (open model);"
                + " held = all still open and p99 under %d ms.%n", idle, path, rate, duration.toSeconds(), load.slo.toMillis());
        out.println("Each server in its own JVM, the backend in another, the idle connections and the load generator in this one: all share "
                + Runtime.getRuntime().availableProcessors() + " cores.");
        out.flush();
        List<IdleResult> results = new ArrayList<>();
        try (BackendProcess backend = BackendProcess.start(Runtime.getRuntime().availableProcessors())) {
            for (ServerBench.Setup setup : server.setups(servers.ids(), server.loopCount(CpuPlacement.NONE))) {
                IdleResult r = IdleRun.run(err, setup.calling(backend.uri()), plan);
                results.add(r);
                out.println();
                out.print(IdleText.block(r));
                out.flush();
            }
        }
        out.println();
        out.println(Results.save("idle", results, json.json));
        return results.stream().anyMatch(r -> r.verdict() == IdleResult.Verdict.CRASHED) ? UserException.FAILED : 0;
    }
}
