package dev.tva.report.chart;

import dev.tva.report.InputFile;

import java.util.List;

/**
 * One chart of the report: its SVG, the file it is written to under {@code charts/}, its heading, the
 * caption that says what to read in it, and the input files it was drawn from.
 */
public record Figure(String fileName, String heading, String caption, List<InputFile> sources, String svg) {

    public Figure {
        sources = sources.stream().distinct().sorted(java.util.Comparator.comparing(InputFile::path)).toList();
    }
}
