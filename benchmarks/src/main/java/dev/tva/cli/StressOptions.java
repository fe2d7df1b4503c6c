package dev.tva.cli;

import dev.tva.engine.ServerBench;
import dev.tva.engine.UserException;
import dev.tva.load.LoadSettings;
import dev.tva.workloads.Client;
import dev.tva.workloads.Limits;
import dev.tva.workloads.web.Endpoint;
import dev.tva.workloads.web.ServerConfig;
import dev.tva.workloads.web.ServerId;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The flags {@code overload} and {@code idle} share with {@code servers}: which servers, started how, loaded where. */
final class StressOptions {
    @Option(names = "--servers", split = ",", converter = Converters.ServerConverter.class,
            description = "which servers (default: all four: helidon, jdk-platform, jdk-virtual, netty)")
    List<ServerId> servers;

    @Option(names = "--ms", converter = Converters.NonNegativeInt.class, defaultValue = "50",
            description = "the wait of sleep and io, in ms (default: ${DEFAULT-VALUE})")
    int ms;

    @Option(names = "--threads", converter = Converters.PositiveInt.class, defaultValue = "" + ServerConfig.DEFAULT_THREADS,
            description = "jdk-platform's pool of platform threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--loops", converter = Converters.PositiveInt.class,
            description = "netty's event loops (default: cores = ${sys:lab.cores})")
    Integer loops;

    @Option(names = "--client", paramLabel = "ID", converter = Converters.ClientConverter.class, defaultValue = "lean",
            description = "HTTP client of io on every server: lean | library (default: ${DEFAULT-VALUE})")
    Client client;

    @Option(names = "--connections", converter = Converters.PositiveInt.class, defaultValue = "" + LoadSettings.DEFAULT_CONNECTIONS,
            description = "the load generator's most connections (default: ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--warmup", converter = Converters.DurationConverter.class, defaultValue = "20s",
            description = "the longest warm-up of each server, until its CPU per answer is steady; 0 skips it (default: ${DEFAULT-VALUE})")
    Duration warmup;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the results here (they always go under results/)")
    Path json;

    /** hello, sleep or io: the endpoints a rate alone describes (the others need --work, --n or a database). */
    String pathAndQuery(Endpoint endpoint) {
        if (ms > Limits.MAX_LATENCY_MILLIS) {
            throw new UserException(UserException.BAD_INPUT, "Invalid value for option '--ms': expected 0.." + Limits.MAX_LATENCY_MILLIS
                    + ", got " + ms);
        }
        return switch (endpoint) {
            case HELLO -> "/hello";
            case SLEEP, IO -> endpoint.path() + "?ms=" + ms;
            default -> throw new UserException(UserException.BAD_INPUT, "Invalid value for option '--endpoint': expected hello, sleep or io, got "
                    + endpoint.id());
        };
    }

    /** The servers asked for, in order, each with the flags {@code lab servers} gives it and the backend's URL. */
    List<ServerBench.Setup> setups(URI backend) {
        int loopCount = loops == null ? Runtime.getRuntime().availableProcessors() : loops;
        List<ServerBench.Setup> setups = new ArrayList<>();
        for (ServerId id : servers == null ? List.of(ServerId.values()) : servers) {
            List<String> flags = new ArrayList<>(List.of("--backend", backend.toString(), "--client", client.id()));
            String label = switch (id) {
                case JDK_PLATFORM -> {
                    flags.addAll(List.of("--threads", Integer.toString(threads)));
                    yield id + " (" + threads + " threads)";
                }
                case NETTY -> {
                    flags.addAll(List.of("--loops", Integer.toString(loopCount)));
                    yield id.id();
                }
                default -> id.id();
            };
            setups.add(new ServerBench.Setup(id, flags, label, null));
        }
        return setups;
    }
}
