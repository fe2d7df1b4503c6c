package dev.tva.cli;

import dev.tva.workloads.CpuKernel;
import dev.tva.workloads.web.Endpoint;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The flags of the commands that load any request-rate endpoint: its wait, its CPU work and its fan-out. */
final class RequestOptions {
    @Mixin
    WaitOption wait;

    @Option(names = "--work", converter = Converters.PositiveInt.class,
            description = "CPU kernel units of cpu and mixed (default: about 1 ms of CPU on this machine)")
    Integer work;

    @Option(names = "--n", converter = Converters.PositiveInt.class, defaultValue = "10",
            description = "backend calls per fanout request (default: ${DEFAULT-VALUE})")
    int n;

    /** Kernel units of cpu and mixed: {@code --work}, else about 1 ms of CPU at {@code nanosPerUnit}. */
    int units(double nanosPerUnit) {
        return work != null ? work : (int) Math.max(1, Math.round(1e6 / nanosPerUnit));
    }

    /** The path and query every request asks for, e.g. {@code /io?ms=50}; CPU work measured here when needed and not given. */
    String pathAndQuery(Endpoint endpoint) {
        boolean computes = endpoint == Endpoint.CPU || endpoint == Endpoint.MIXED;
        return pathAndQuery(endpoint, computes ? units(CpuKernel.nanosPerUnit(250)) : 1);
    }

    /** The same with {@code units} of CPU work. */
    String pathAndQuery(Endpoint endpoint, int units) {
        return wait.pathAndQuery(endpoint, units, n);
    }
}
