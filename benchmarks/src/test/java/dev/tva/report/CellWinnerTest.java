package dev.tva.report;

import dev.tva.engine.CrossoverResult;
import dev.tva.report.chart.CellWinner;
import dev.tva.workloads.Model;
import dev.tva.workloads.RunResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A crossover cell's winner follows the lab's one rule: intervals apart and a gap over 10%, else no measurable difference. */
class CellWinnerTest {

    private static RunResult run(Model model, double perSec, double low, double high) {
        return new RunResult(model, dev.tva.workloads.WorkloadType.MIXED, 1000, 100, 1000, perSec, null, null, null, 0, 0, 0, 0, null,
                low, high, 5, 1, true, 1000, List.of(), 1, model.id(), "", 2, null, 10L, 100, null, null, null, null, null, null, null, 0,
                0, 0, null, null, null, null, null, true, null, null);
    }

    private static CrossoverResult.Cell cell(RunResult... runs) {
        return new CrossoverResult.Cell(0.9, 18, 170, 2000, 100, List.of(runs));
    }

    @Test
    void theFastestWinsByItsMarginOverTheRunnerUpWhenTheIntervalsSeparate() {
        CellWinner w = CellWinner.of(cell(run(Model.PLATFORM, 420, 410, 430), run(Model.VIRTUAL, 990, 980, 1000),
                run(Model.EVENT_LOOP, 650, 640, 660)));

        assertThat(w.winner()).contains(Model.VIRTUAL);
        assertThat(w.margin()).isCloseTo(990.0 / 650 - 1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(w.band()).isEqualTo(3);
    }

    @Test
    void overlappingIntervalsAreNoMeasurableDifferenceEvenWithAGapOver10Percent() {
        CellWinner w = CellWinner.of(cell(run(Model.VIRTUAL, 1000, 700, 1300), run(Model.EVENT_LOOP, 850, 800, 900)));

        assertThat(w.winner()).isEmpty();
        assertThat(w.band()).isZero();
    }

    @Test
    void separateIntervalsWithAGapUnder10PercentAreNoMeasurableDifference() {
        CellWinner w = CellWinner.of(cell(run(Model.VIRTUAL, 1050, 1049, 1051), run(Model.EVENT_LOOP, 1000, 999, 1001)));

        assertThat(w.winner()).isEmpty();
    }
}
