package dev.tva.report;

import dev.tva.report.chart.Charts;
import dev.tva.report.chart.Figure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** {@code lab report}'s work: reads a results folder and writes index.html, report.md and charts/*.svg to an output folder. */
public final class Report {
    /*
     * Everything written is a function of the inputs alone: files in path order, numbers in Locale.ROOT,
     * no date or random id, SVG drawn at a fixed size with fixed ids. Old charts in charts/ are removed
     * first, so a chart the inputs no longer support does not linger.
     */

    /** What was written, for the command's one line. */
    public record Written(int files, int charts, Path index) {
    }

    private Report() {
    }

    /** Reads {@code results} (named {@code label} in the text) and writes the report to {@code out}. */
    public static Written write(Path results, String label, Path out) throws ReportException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ReportException(out + ": --out is a file; name a folder (it is created if missing)");
        }
        Inputs inputs = InputReader.read(results, label);
        List<Figure> figures = Charts.draw(inputs);
        String toResults = relative(out, results);
        String markdown = ReportPage.markdown(inputs, figures, new Links(toResults, figures));
        try {
            Path charts = out.resolve(ReportPage.CHARTS);
            Files.createDirectories(charts);
            try (Stream<Path> old = Files.list(charts)) {
                for (Path p : old.filter(p -> p.getFileName().toString().endsWith(".svg")).toList()) {
                    Files.delete(p);
                }
            }
            for (Figure f : figures) {
                Files.writeString(charts.resolve(f.fileName()), f.svg(), StandardCharsets.UTF_8);
            }
            Files.writeString(out.resolve("report.md"), markdown, StandardCharsets.UTF_8);
            Path index = out.resolve("index.html");
            Files.writeString(index, HtmlPage.render(markdown), StandardCharsets.UTF_8);
            return new Written(inputs.files().size(), figures.size(), index);
        } catch (IOException e) {
            throw new ReportException(out + ": cannot be written (" + e.getMessage() + ")");
        }
    }

    /** The results folder as seen from the output folder, with {@code /} and a trailing {@code /}. */
    private static String relative(Path out, Path results) {
        Path from = out.toAbsolutePath().normalize();
        Path to = results.toAbsolutePath().normalize();
        String path = from.relativize(to).toString().replace('\\', '/');
        return path.isEmpty() ? "" : path + "/";
    }
}
