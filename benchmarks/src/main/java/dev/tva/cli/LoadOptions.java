package dev.tva.cli;

import dev.tva.load.LoadSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.time.Duration;

/**
 * The flags of every command that loads lab servers from this JVM: the generator's connections, when a request
 * times out, and the p99 the load is judged against. A command whose load means a different default gives it
 * through its {@link CommandDefaults}, and its help shows that default.
 */
final class LoadOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--connections", converter = Converters.PositiveInt.class, defaultValue = "" + LoadSettings.DEFAULT_CONNECTIONS,
            description = "the load generator's most connections (default: ${DEFAULT-VALUE})")
    int connections;

    @Option(names = "--timeout", converter = Converters.DurationConverter.class, defaultValue = "10s",
            description = "a request with no answer after this counts as a timeout (default: ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = "--slo", converter = Converters.DurationConverter.class, defaultValue = "100ms",
            description = "the p99 latency the load is judged against, as described above (default: ${DEFAULT-VALUE})")
    Duration slo;

    /** Checks what the converters cannot: a zero timeout or SLO is one line and exit code 2. */
    void validate() {
        if (timeout.isZero()) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--timeout': expected more than 0, e.g. 10s");
        }
        if (slo.isZero()) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--slo': expected more than 0, e.g. 100ms");
        }
    }
}
