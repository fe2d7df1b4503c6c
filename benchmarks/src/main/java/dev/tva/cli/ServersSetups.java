package dev.tva.cli;

import dev.tva.engine.ServerBench;
import dev.tva.workloads.DbSettings;
import dev.tva.workloads.web.Endpoint;
import dev.tva.workloads.web.ServerId;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rows {@code lab servers} runs: each server asked for, started with the {@link ServerOptions} flags, plus
 * netty blocking its loops when asked, and for each endpoint the bound a fixed number of threads puts on it.
 */
final class ServersSetups {
    /** The endpoints that wait: on them a fixed pool of platform threads bounds the rate (Little's law). */
    private static final Set<Endpoint> WAITING = Set.of(Endpoint.SLEEP, Endpoint.IO, Endpoint.MIXED, Endpoint.FANOUT, Endpoint.DB);
    private static final String BLOCK_EVENT_LOOP = "--block-event-loop";

    private final ServerOptions options;
    private final int ms;
    private final int loopCount;
    private final List<ServerBench.Setup> setups = new ArrayList<>();

    ServersSetups(ServerOptions options, int ms, List<ServerId> servers, boolean blockEventLoop, int loopCount) {
        this.options = options;
        this.ms = ms;
        this.loopCount = loopCount;
        for (ServerBench.Setup setup : options.setups(servers, loopCount)) {
            setups.add(setup);
            if (setup.id() == ServerId.NETTY && blockEventLoop) {
                List<String> flags = new ArrayList<>(setup.flags());
                flags.add(BLOCK_EVENT_LOOP);
                setups.add(new ServerBench.Setup(setup.id(), flags, "netty, blocking its loops", null));
            }
        }
    }

    /** The setups, each with its thread bound for {@code endpoint}: only a wait bounds by threads. */
    List<ServerBench.Setup> bounded(Endpoint endpoint) {
        return setups.stream().map(s -> new ServerBench.Setup(s.id(), s.flags(), s.label(), bound(s, endpoint))).toList();
    }

    private Double bound(ServerBench.Setup s, Endpoint endpoint) {
        if (ms == 0) {
            return null;
        }
        double perSlot = 1000.0 / ms;
        Double bound = null;
        if (s.id() == ServerId.JDK_PLATFORM && WAITING.contains(endpoint)) {
            bound = options.threads * perSlot;
        }
        if (s.flags().contains(BLOCK_EVENT_LOOP) && (endpoint == Endpoint.SLEEP || endpoint == Endpoint.IO)) {
            bound = loopCount * perSlot;
        }
        if (endpoint == Endpoint.DB) {
            double pool = DbSettings.DEFAULT_POOL * perSlot;
            bound = bound == null ? pool : Math.min(bound, pool);
        }
        return bound;
    }
}
