package dev.tva.report.chart;

import dev.tva.engine.CrossoverResult;
import dev.tva.verdict.ModelVerdicts;
import dev.tva.verdict.Verdict;
import dev.tva.workloads.Model;
import dev.tva.workloads.RunResult;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which models lead one cell of the crossover map, and by how much, as {@link ModelVerdicts#compare} decides for
 * every comparison in the lab: the leaders are the runs no other run beats measurably, and they lead only when some
 * run trails them. Two models can lead together (virtual and event-loop both far ahead of a full pool).
 *
 * @param leaders the leading models, fastest first; empty for no measurable difference
 * @param margin  how much faster the fastest leader is than the fastest run behind the leaders (0.35 for 35%)
 * @param trusted false when a run of the cell never settled or had errors
 */
public record CellLeaders(List<Model> leaders, double margin, boolean trusted) {

    public CellLeaders {
        leaders = List.copyOf(leaders);
    }

    /** The leaders of a cell from its runs (one per model). */
    public static CellLeaders of(CrossoverResult.Cell cell) {
        if (cell.results().isEmpty()) {
            return new CellLeaders(List.of(), 0, false);
        }
        Verdict verdict = ModelVerdicts.compare(cell.results());
        boolean trusted = verdict.untrusted().isEmpty();
        if (!verdict.difference()) {
            return new CellLeaders(List.of(), 0, trusted);
        }
        double best = byLabel(cell, verdict.leaders().get(0)).throughputPerSec();
        double next = byLabel(cell, verdict.trailing().get(0)).throughputPerSec();
        List<Model> leaders = verdict.leaders().stream().map(label -> byLabel(cell, label).model()).toList();
        return new CellLeaders(leaders, best / Math.max(next, 1e-9) - 1, trusted);
    }

    /** The margin's band, 1 (just over the smallest claim) to 4 (twice as fast or more); 0 without leaders. */
    public int band() {
        if (leaders.isEmpty()) {
            return 0;
        }
        return margin >= 1 ? 4 : margin >= 0.5 ? 3 : margin >= 0.25 ? 2 : 1;
    }

    /** The leaders as a set of bits, one per model's ordinal; 0 without leaders. */
    public int mask() {
        return leaders.stream().mapToInt(m -> 1 << m.ordinal()).sum();
    }

    /**
     * The cell's mark on the map, short enough for a narrow cell (the colour names the leaders): {@code +150%} over the
     * fastest run behind the leaders, or {@code =} for no measurable difference; {@code *} when it is not to be trusted.
     */
    public String mark() {
        String mark = leaders.isEmpty() ? "=" : String.format(Locale.ROOT, "+%.0f%%", margin * 100);
        return trusted ? mark : mark + " *";
    }

    /** {@code virtual and event-loop}. */
    static String ids(List<Model> models) {
        return models.stream().map(Model::id).collect(Collectors.joining(" and "));
    }

    /** The band's words in the legend. */
    static String bandText(int band) {
        return switch (band) {
            case 1 -> "by " + Math.round(ModelVerdicts.SMALLEST_CLAIM * 100) + "-25%";
            case 2 -> "by 25-50%";
            case 3 -> "by 50-100%";
            default -> "by 2x or more";
        };
    }

    private static RunResult byLabel(CrossoverResult.Cell cell, String label) {
        return cell.results().stream().filter(r -> label.equals(r.label())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no run labelled " + label));
    }
}
