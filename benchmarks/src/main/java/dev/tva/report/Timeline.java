package dev.tva.report;

import dev.tva.workloads.Experiment;

/** Draws when each task ran as a bar on a shared time axis. */
public final class Timeline {
    private static final int WIDTH = 44;

    private Timeline() {
    }

    public static String draw(String[] names, Experiment.Span[] spans, String indent) {
        long end = 1;
        for (Experiment.Span span : spans) {
            end = Math.max(end, span.endMicros());
        }
        int nameWidth = 0;
        for (String name : names) {
            nameWidth = Math.max(nameWidth, name.length());
        }
        StringBuilder out = new StringBuilder();
        for (Experiment.Span span : spans) {
            int from = (int) (span.startMicros() * WIDTH / end);
            int to = (int) Math.max(from + 1, Math.round((double) span.endMicros() * WIDTH / end));
            out.append(indent)
                    .append(String.format("%-" + nameWidth + "s ", names[span.task()]))
                    .append('|').append(" ".repeat(from)).append("#".repeat(to - from)).append(" ".repeat(WIDTH - to)).append("| ")
                    .append(String.format("%3d-%3d ms%n", Math.round(span.startMicros() / 1000.0), Math.round(span.endMicros() / 1000.0)));
        }
        return out.toString();
    }
}
