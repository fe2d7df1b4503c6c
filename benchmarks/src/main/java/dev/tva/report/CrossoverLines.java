package dev.tva.report;

import dev.tva.engine.CrossoverResult;
import dev.tva.engine.CrossoverSweep;
import dev.tva.report.chart.CellLeaders;
import dev.tva.verdict.ModelVerdicts;
import dev.tva.verdict.Verdict;
import dev.tva.workloads.Interval;
import dev.tva.workloads.Model;
import dev.tva.workloads.RunResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A crossover sweep as text: a line per cell as soon as it is measured, and at the end the map of leaders. */
public final class CrossoverLines {
    /*
     * Who leads a cell is the lab's one rule, ModelVerdicts.compare: the rows no other row beats with
     * intervals apart and by more than its smallest claim. A cell with no trailing row is parity. The map
     * names the leaders and how far ahead they are of the fastest row that trails them.
     */

    /** The map's mark for a cell where no model is measurably faster than another. */
    public static final String PARITY = "=";
    /** Added to a cell's mark when one of its runs never settled or had errors. */
    public static final String UNTRUSTED = "*";

    private CrossoverLines() {
    }

    /**
     * {@code share 0.99: wait 20 ms + 17 units (0.20 ms of CPU), 1,000 in flight | platform 9,812 ± 3% | ... tasks/s
     * | bound 9,901/s | leader: virtual, event-loop}.
     */
    public static String line(CrossoverResult.Cell cell) {
        Verdict verdict = ModelVerdicts.compare(cell.results());
        String runs = cell.results().stream().map(r -> r.model().id() + " " + perSec(r)).collect(Collectors.joining(" | "));
        Double bound = cell.results().get(0).boundPerSec();
        return String.format(Locale.ROOT, "share %s: wait %d ms + %d unit%s (%.2f ms of CPU), %,d in flight | %s tasks/s | bound %s | %s%s",
                CrossoverSweep.share(cell.waitShare()), cell.waitMillis(), cell.cpuUnits(), cell.cpuUnits() == 1 ? "" : "s",
                cell.cpuMicros() / 1000, cell.concurrency(),
                runs, bound == null ? "none" : String.format(Locale.ROOT, "%,.0f/s", bound),
                verdict.difference() ? "leader: " + ids(cell, verdict.leaders()) : "no measurable difference",
                verdict.untrusted().isEmpty() ? "" : " | not to be trusted: " + ids(cell, verdict.untrusted()));
    }

    /** The cell's mark in the map: its leaders and their lead ({@code virtual, event-loop 2.1x}), or {@link #PARITY}. */
    public static String mark(CrossoverResult.Cell cell) {
        CellLeaders lead = CellLeaders.of(cell);
        String mark = lead.leaders().isEmpty() ? PARITY : String.format(Locale.ROOT, "%s %.1fx",
                lead.leaders().stream().map(Model::id).collect(Collectors.joining(", ")), 1 + lead.margin());
        return lead.trusted() ? mark : mark + UNTRUSTED;
    }

    /** The map: a row per wait share, a column per count of tasks in flight, each cell's {@link #mark}. */
    public static String map(List<CrossoverResult.Cell> cells, String indent) {
        List<Double> shares = new ArrayList<>(new TreeSet<>(cells.stream().map(CrossoverResult.Cell::waitShare).toList()));
        List<Integer> counts = new ArrayList<>(new TreeSet<>(cells.stream().map(CrossoverResult.Cell::concurrency).toList()));
        String[] headers = new String[counts.size() + 1];
        headers[0] = "wait share \\ in flight";
        for (int c = 0; c < counts.size(); c++) {
            headers[c + 1] = String.format(Locale.ROOT, "%,d", counts.get(c));
        }
        Table table = new Table(headers);
        for (double share : shares) {
            Object[] row = new Object[counts.size() + 1];
            row[0] = CrossoverSweep.share(share);
            for (int c = 0; c < counts.size(); c++) {
                int count = counts.get(c);
                row[c + 1] = cells.stream().filter(cell -> cell.waitShare() == share && cell.concurrency() == count)
                        .findFirst().map(CrossoverLines::mark).orElse("");
            }
            table.row(row);
        }
        StringBuilder text = new StringBuilder(table.render(indent));
        text.append(indent).append("leaders of each cell and how much faster they were than the fastest row behind them; ")
                .append(PARITY).append(" no measurable difference");
        if (cells.stream().anyMatch(cell -> mark(cell).endsWith(UNTRUSTED))) {
            text.append("; ").append(UNTRUSTED).append(" a run of the cell never settled or had errors: not to be trusted");
        }
        return text.append('\n').toString();
    }

    private static String ids(CrossoverResult.Cell cell, List<String> labels) {
        return labels.stream().map(label -> byLabel(cell, label).model().id()).collect(Collectors.joining(", "));
    }

    private static RunResult byLabel(CrossoverResult.Cell cell, String label) {
        return cell.results().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
    }

    private static String perSec(RunResult r) {
        Interval i = r.throughput();
        return i.known()
                ? String.format(Locale.ROOT, "%,.0f ± %.0f%%", r.throughputPerSec(), i.relativeHalfWidth() * 100)
                : String.format(Locale.ROOT, "%,.0f", r.throughputPerSec());
    }
}
