package dev.tva.cli;

import picocli.CommandLine.Option;

import java.time.Duration;

/** The {@code --warmup} flag of the commands that warm each server up until it is steady before measuring it. */
final class WarmupOption {
    @Option(names = "--warmup", converter = Converters.DurationConverter.class, defaultValue = "20s",
            description = "the longest warm-up of each server before it is measured, until its CPU per answer is steady;"
                    + " 0 skips it (default: ${DEFAULT-VALUE})")
    Duration warmup;
}
