package dev.tva.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws rows of segments on one shared time axis, as the tutorial draws its kitchens:
 * {@code #} for running, {@code .} for waiting, blank for not started or done.
 */
final class Timelines {
    static final int WIDTH = 48;
    static final char RUN = '#';
    static final char WAIT = '.';

    private Timelines() {
    }

    /** From {@code fromMicros} to {@code toMicros} (since the start of the demonstration), drawn with {@code mark}. */
    record Segment(long fromMicros, long toMicros, char mark) {
    }

    /** One row: its label, its segments, and a note printed after the axis (e.g. the thread). */
    record Row(String label, List<Segment> segments, String note) {
        Row {
            segments = List.copyOf(segments);
        }

        long endMicros() {
            return segments.stream().mapToLong(Segment::toMicros).max().orElse(0);
        }

        long startMicros() {
            return segments.stream().mapToLong(Segment::fromMicros).min().orElse(0);
        }
    }

    /** A row builder that merges touching segments of the same mark. */
    static final class RowBuilder {
        private final String label;
        private final List<Segment> segments = new ArrayList<>();

        RowBuilder(String label) {
            this.label = label;
        }

        RowBuilder add(long fromMicros, long toMicros, char mark) {
            segments.add(new Segment(fromMicros, Math.max(fromMicros, toMicros), mark));
            return this;
        }

        Row build(String note) {
            return new Row(label, segments, note);
        }
    }

    /** The rows on an axis from 0 to the latest end among them, with each row's first start and last end in ms. */
    static String draw(List<Row> rows, String indent) {
        long end = Math.max(1, rows.stream().mapToLong(Row::endMicros).max().orElse(1));
        int labelWidth = rows.stream().mapToInt(r -> r.label().length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (Row row : rows) {
            char[] cells = " ".repeat(WIDTH).toCharArray();
            // Waiting first, so running drawn over it wins where a cell holds both.
            for (char pass : new char[] {WAIT, RUN}) {
                for (Segment s : row.segments()) {
                    if (s.mark() != pass) {
                        continue;
                    }
                    int from = (int) (s.fromMicros() * WIDTH / end);
                    int to = (int) Math.max(from + 1, Math.round((double) s.toMicros() * WIDTH / end));
                    for (int i = from; i < Math.min(WIDTH, to); i++) {
                        cells[i] = pass;
                    }
                }
            }
            out.append(indent).append(String.format(Locale.ROOT, "%-" + labelWidth + "s |", row.label()))
                    .append(cells).append(String.format(Locale.ROOT, "| %4d-%4d ms", Math.round(row.startMicros() / 1000.0),
                            Math.round(row.endMicros() / 1000.0)))
                    .append(row.note() == null || row.note().isEmpty() ? "" : "  " + row.note())
                    .append(System.lineSeparator());
        }
        return out.toString();
    }
}
