package dev.tva.report;

import java.util.List;
import java.util.Locale;

/** Writes the report's Markdown (GitHub's dialect: pipe tables), the one text both report.md and index.html come from. */
public final class Markdown {
    private final StringBuilder text = new StringBuilder();

    public Markdown heading(int level, String heading) {
        text.append("#".repeat(level)).append(' ').append(heading).append("\n\n");
        return this;
    }

    public Markdown paragraph(String paragraph) {
        text.append(paragraph).append("\n\n");
        return this;
    }

    public Markdown bullets(List<String> items) {
        items.forEach(i -> text.append("- ").append(i).append('\n'));
        text.append('\n');
        return this;
    }

    /** A pipe table; a {@code |} inside a cell is escaped. */
    public Markdown table(List<String> header, List<List<String>> rows) {
        row(header);
        text.append("|").append("---|".repeat(header.size())).append('\n');
        rows.forEach(this::row);
        text.append('\n');
        return this;
    }

    public Markdown image(String alt, String path) {
        text.append("![").append(alt).append("](").append(path).append(")\n\n");
        return this;
    }

    private void row(List<String> cells) {
        text.append('|');
        cells.forEach(c -> text.append(' ').append(c.replace("|", "\\|").replace("\n", " ")).append(" |"));
        text.append('\n');
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** A Markdown link. */
    public static String link(String text, String target) {
        return "[" + text + "](" + target + ")";
    }

    /** Inline code. */
    public static String code(String code) {
        return "`" + code + "`";
    }

    /**
     * The anchor GitHub (and commonmark's heading-anchor extension) gives a heading: lower case, spaces to
     * hyphens, punctuation other than hyphens and underscores dropped.
     */
    public static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }
}
