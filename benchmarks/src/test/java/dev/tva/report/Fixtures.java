package dev.tva.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The fixed results the report tests render: a copy of src/test/resources/report/results, with or without a crossover sweep. */
final class Fixtures {

    private Fixtures() {
    }

    /** The fixture results copied to {@code dir}/results, plus the crossover sweep when {@code crossover}; returns that folder. */
    static Path results(Path dir, boolean crossover) {
        Path results = dir.resolve("results");
        copy(resource("/report/results"), results);
        if (crossover) {
            copy(resource("/report/crossover"), results);
        }
        return results;
    }

    /** Renders the report of {@code results} into {@code dir}/out. */
    static Path render(Path results, Path dir) throws ReportException {
        Path out = dir.resolve("out");
        Report.write(results, "results", out);
        return out;
    }

    static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
