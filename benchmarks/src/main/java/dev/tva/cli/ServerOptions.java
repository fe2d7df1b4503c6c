package dev.tva.cli;

import dev.tva.engine.ServerBench;
import dev.tva.workloads.Client;
import dev.tva.workloads.CpuPlacement;
import dev.tva.workloads.web.ServerConfig;
import dev.tva.workloads.web.ServerId;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** The flags of every command that starts lab servers: what each is started with (jdk-platform's pool, netty's loops, the client). */
final class ServerOptions {
    @Option(names = "--threads", converter = Converters.PositiveInt.class, defaultValue = "" + ServerConfig.DEFAULT_THREADS,
            description = "jdk-platform's pool of platform threads (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--loops", converter = Converters.PositiveInt.class,
            description = "netty's event loops (default: one per CPU the server may run on: all ${sys:lab.cores} cores unless pinned to fewer)")
    Integer loops;

    @Option(names = "--client", paramLabel = "ID", converter = Converters.ClientConverter.class, defaultValue = "lean",
            description = "the HTTP client a server calls the backend with (io, mixed, fanout): lean | library (default: ${DEFAULT-VALUE})")
    Client client;

    /** netty's event loops: {@code --loops}, else the CPUs {@code placement} gives the server, else the cores. */
    int loopCount(CpuPlacement placement) {
        return loops != null ? loops : placement.cpuCount(CpuPlacement.Role.SERVER, Runtime.getRuntime().availableProcessors());
    }

    /** The flags {@code lab serve} gets for {@code server}: the client, and jdk-platform's pool or netty's loops. */
    List<String> serverFlags(ServerId server, int loopCount) {
        List<String> flags = new ArrayList<>(List.of("--client", client.id()));
        switch (server) {
            case JDK_PLATFORM -> flags.addAll(List.of("--threads", Integer.toString(threads)));
            case NETTY -> flags.addAll(List.of("--loops", Integer.toString(loopCount)));
            default -> { }
        }
        return flags;
    }

    /** Each server in {@code servers}, in order, with its flags and its name in a table (jdk-platform's with its pool). */
    List<ServerBench.Setup> setups(List<ServerId> servers, int loopCount) {
        return servers.stream().map(id -> new ServerBench.Setup(id, serverFlags(id, loopCount),
                id == ServerId.JDK_PLATFORM ? id + " (" + threads + " threads)" : id.id(), null)).toList();
    }
}
