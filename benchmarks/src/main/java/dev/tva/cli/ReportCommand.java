package dev.tva.cli;

import dev.tva.engine.UserException;
import dev.tva.report.Report;
import dev.tva.report.ReportException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code lab report}: the comparison report for architects, from results JSON to index.html, report.md and SVG charts. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes the comparison report from results JSON: a summary, a decision guide, charts (SVG), the methodology, "
                + "the limitations and every input file, as index.html (opens from the file system) and report.md (renders on GitHub).",
                "The same JSON always gives the same files, byte for byte."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "docs/results",
            description = "folder of results JSON, read recursively; other files are ignored (default: ${DEFAULT-VALUE})")
    String results;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "docs/report",
            description = "folder to write index.html, report.md and charts/ to; created if missing (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        Report.Written written;
        try {
            written = Report.write(Path.of(results), results, out);
        } catch (ReportException e) {
            throw new UserException(UserException.BAD_INPUT, e.getMessage());
        }
        PrintWriter line = spec.commandLine().getOut();
        line.printf(java.util.Locale.ROOT, "report: %d files read, %d charts drawn, in %.1f s: %s and %s%n", written.files(),
                written.charts(), (System.nanoTime() - start) / 1e9, written.index(), written.index().resolveSibling("report.md"));
        line.flush();
        return 0;
    }
}
