package dev.tva.cli;

import dev.tva.workloads.Client;
import dev.tva.workloads.CpuKernel;
import dev.tva.workloads.CpuPlacement;
import dev.tva.workloads.Limits;
import dev.tva.workloads.web.Endpoint;
import dev.tva.workloads.web.ServerConfig;
import dev.tva.workloads.web.ServerId;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;

/**
 * The flags of a command that starts one lab server and loads one endpoint, spelled as {@code lab servers}
 * spells them: the endpoint and its parameters, and the server's threads, loops and client.
 */
final class ServerOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

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

    @Option(names = "--threads", converter = Converters.PositiveInt.class, defaultValue = "" + ServerConfig.DEFAULT_THREADS,
            description = "jdk-platform's pool of platform threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--loops", converter = Converters.PositiveInt.class,
            description = "netty's event loops (default: cores = ${sys:lab.cores}; with --cpus, the server's CPUs)")
    Integer loops;

    @Option(names = "--client", paramLabel = "ID", converter = Converters.ClientConverter.class, defaultValue = "lean",
            description = "HTTP client of io, mixed and fanout: lean | library (default: ${DEFAULT-VALUE})")
    Client client;

    /** Checks what the converters cannot: one line and exit code 2 when wrong. */
    void validate() {
        if (ms > Limits.MAX_LATENCY_MILLIS) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--ms': expected 0.." + Limits.MAX_LATENCY_MILLIS
                    + ", got " + ms);
        }
        if (endpoint == Endpoint.STREAM) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--endpoint': stream is not a request-rate endpoint;"
                    + " expected hello, sleep, io, cpu, mixed, fanout or db");
        }
    }

    /** The flags {@code lab serve} gets for {@code server}: its pool or loops, and the client. */
    List<String> serverFlags(ServerId server, CpuPlacement placement) {
        List<String> flags = new ArrayList<>(List.of("--client", client.id()));
        int cores = Runtime.getRuntime().availableProcessors();
        switch (server) {
            case JDK_PLATFORM -> flags.addAll(List.of("--threads", Integer.toString(threads)));
            case NETTY -> flags.addAll(List.of("--loops", Integer.toString(loops != null ? loops
                    : placement.cpuCount(CpuPlacement.Role.SERVER, cores))));
            default -> { }
        }
        return flags;
    }

    /** The path and query every request asks for, e.g. {@code /io?ms=50}; CPU work defaults to about 1 ms here. */
    String pathAndQuery() {
        boolean computes = endpoint == Endpoint.CPU || endpoint == Endpoint.MIXED;
        int units = work != null ? work : computes ? (int) Math.max(1, Math.round(1e6 / CpuKernel.nanosPerUnit(250))) : 1;
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
