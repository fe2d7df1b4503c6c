package dev.tva.report.chart;

import dev.tva.engine.CrossoverResult;
import dev.tva.verdict.ModelVerdicts;
import dev.tva.workloads.Model;
import dev.tva.workloads.RunResult;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which model wins one cell of the crossover map, and by how much: the fastest run, when the lab's rule
 * ({@link ModelVerdicts#measurablyFaster}) says it beats the runner-up; otherwise no measurable difference.
 *
 * @param winner the model that wins, empty for no measurable difference
 * @param margin how much faster than the runner-up, as a fraction (0.35 for 35% faster); 0 without a winner
 */
public record CellWinner(Optional<Model> winner, double margin) {

    /** The winner of a cell from its runs (one per model). */
    public static CellWinner of(CrossoverResult.Cell cell) {
        List<RunResult> rows = cell.results().stream()
                .sorted(Comparator.comparingDouble(RunResult::throughputPerSec).reversed().thenComparing(RunResult::model)).toList();
        if (rows.size() < 2) {
            return new CellWinner(Optional.empty(), 0);
        }
        RunResult best = rows.get(0);
        RunResult second = rows.get(1);
        if (!ModelVerdicts.measurablyFaster(best, second)) {
            return new CellWinner(Optional.empty(), 0);
        }
        return new CellWinner(Optional.of(best.model()), best.throughputPerSec() / second.throughputPerSec() - 1);
    }

    /** The margin's band, 1 (just over the smallest claim) to 4 (twice as fast or more); 0 without a winner. */
    public int band() {
        if (winner.isEmpty()) {
            return 0;
        }
        return margin >= 1 ? 4 : margin >= 0.5 ? 3 : margin >= 0.25 ? 2 : 1;
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
}
