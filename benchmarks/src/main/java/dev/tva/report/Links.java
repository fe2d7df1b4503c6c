package dev.tva.report;

import dev.tva.report.chart.Figure;

import java.util.List;
import java.util.Optional;

/**
 * Links from the report to what backs a sentence: a chart's section, or an input file (relative to the output
 * folder, so the link works from the file system and on GitHub alike).
 *
 * @param toResults the results folder relative to the output folder, ending in {@code /} ({@code ../results/})
 * @param figures   the charts the report has
 */
public record Links(String toResults, List<Figure> figures) {

    /** A link to the section of the chart written to {@code fileName}, if the report has that chart. */
    public Optional<String> chart(String fileName) {
        return figures.stream().filter(f -> f.fileName().equals(fileName)).findFirst()
                .map(f -> Markdown.link("chart", "#" + Markdown.anchor(f.heading())));
    }

    /** A link to an input file, its path as the text. */
    public String file(InputFile file) {
        return Markdown.link(file.path(), toResults + file.path());
    }

    /** Links to several files, comma-separated. */
    public String files(List<InputFile> files) {
        return String.join(", ", files.stream().map(this::file).toList());
    }

    /** The chart's link when there is one, else the file's. */
    public String backing(String chartFile, InputFile file) {
        return chart(chartFile).orElse(file(file));
    }
}
