package dev.tva.cli;

import dev.tva.workloads.Limits;
import dev.tva.workloads.web.Endpoint;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Set;

/** The {@code --ms} flag of the commands that load lab servers, and the path and query every request asks for. */
final class WaitOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--ms", converter = Converters.NonNegativeInt.class, defaultValue = "50",
            description = "the wait each request asks for where its endpoint waits (e.g. sleep, io), in ms (default: ${DEFAULT-VALUE})")
    int ms;

    /** Checks what the converter cannot: one line and exit code 2 when wrong. */
    void validate() {
        if (ms > Limits.MAX_LATENCY_MILLIS) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--ms': expected 0.." + Limits.MAX_LATENCY_MILLIS
                    + ", got " + ms);
        }
    }

    /** Refuses an endpoint the command cannot load: one line naming the ones it accepts, exit code 2. */
    void accept(Endpoint endpoint, Set<Endpoint> accepted) {
        if (!accepted.contains(endpoint)) {
            List<String> ids = accepted.stream().sorted().map(Endpoint::id).toList();
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--endpoint': expected "
                    + String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.getLast() + ", got " + endpoint.id());
        }
    }

    /** The path and query, e.g. {@code /io?ms=50}, with {@code units} of CPU work and {@code n} backend calls where they apply. */
    String pathAndQuery(Endpoint endpoint, int units, int n) {
        return switch (endpoint) {
            case HELLO -> "/hello";
            case SLEEP, IO, DB -> endpoint.path() + "?ms=" + ms;
            case CPU -> "/cpu?work=" + units;
            case MIXED -> "/mixed?ms=" + ms + "&work=" + units;
            case FANOUT -> "/fanout?n=" + n + "&ms=" + ms;
            case STREAM -> throw new IllegalStateException("stream is not a request-rate endpoint: commands refuse it first");
        };
    }
}
