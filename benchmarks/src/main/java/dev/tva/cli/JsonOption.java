package dev.tva.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --json} flag of the commands that save their results: a copy of the results JSON, besides the one under results/. */
final class JsonOption {
    @Option(names = "--json", paramLabel = "FILE", description = "also write the results JSON here (it always goes under results/)")
    Path json;
}
