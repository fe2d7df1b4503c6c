package dev.tva.cli;

import dev.tva.workloads.web.ServerId;
import picocli.CommandLine.Option;

import java.util.List;

/** The {@code --servers} flag of the commands that run each of the lab's servers in turn: which of them. */
final class ServersOption {
    @Option(names = "--servers", split = ",", paramLabel = "ID", converter = Converters.ServerConverter.class,
            description = "which servers, comma-separated (default: all four: helidon, jdk-platform, jdk-virtual, netty)")
    List<ServerId> servers;

    /** The servers asked for, in order; all four when the flag is not given. */
    List<ServerId> ids() {
        return servers == null ? List.of(ServerId.values()) : servers;
    }

    /** True when {@code id} is among them. */
    boolean includes(ServerId id) {
        return ids().contains(id);
    }
}
