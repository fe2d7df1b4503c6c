package dev.tva.report;

import dev.tva.engine.CrossoverResult;
import dev.tva.report.chart.CellLeaders;
import dev.tva.report.chart.CrossoverChart;
import dev.tva.workloads.Model;
import dev.tva.workloads.RunResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** A crossover cell's leaders follow the lab's one rule: intervals apart and a gap over 10%, else no measurable difference. */
class CellLeadersTest {

    private static RunResult run(Model model, double perSec, double low, double high) {
        return run(model, perSec, low, high, true);
    }

    private static RunResult run(Model model, double perSec, double low, double high, boolean steady) {
        return new RunResult(model, dev.tva.workloads.WorkloadType.MIXED, 1000, 100, 1000, perSec, null, null, null, 0, 0, 0, 0, null,
                low, high, 5, 1, steady, 1000, List.of(), 1, model.id(), "", 2, null, 10L, 100, null, null, null, null, null, null, null, 0,
                0, 0, null, null, null, null, null, true, null, null);
    }

    private static CrossoverResult.Cell cell(RunResult... runs) {
        return new CrossoverResult.Cell(0.9, 18, 170, 2000, 100, List.of(runs));
    }

    @Test
    void theFastestLeadsByItsMarginOverTheFastestRunBehindItWhenTheIntervalsSeparate() {
        CellLeaders w = CellLeaders.of(cell(run(Model.PLATFORM, 420, 410, 430), run(Model.VIRTUAL, 990, 980, 1000),
                run(Model.EVENT_LOOP, 650, 640, 660)));

        assertThat(w.leaders()).containsExactly(Model.VIRTUAL);
        assertThat(w.margin()).isCloseTo(990.0 / 650 - 1, offset(1e-9));
        assertThat(w.band()).isEqualTo(3);
        assertThat(w.mark()).isEqualTo("+52%");
    }

    @Test
    void twoModelsThatTieFarAheadOfTheThirdLeadTogether() {
        CellLeaders w = CellLeaders.of(cell(run(Model.PLATFORM, 9_000, 8_800, 9_200), run(Model.VIRTUAL, 19_500, 17_400, 21_600),
                run(Model.EVENT_LOOP, 22_900, 19_900, 25_900)));

        assertThat(w.leaders()).containsExactly(Model.EVENT_LOOP, Model.VIRTUAL);
        assertThat(w.margin()).isCloseTo(22_900.0 / 9_000 - 1, offset(1e-9));
        assertThat(w.mask()).isEqualTo((1 << Model.EVENT_LOOP.ordinal()) | (1 << Model.VIRTUAL.ordinal()));
        assertThat(w.band()).isEqualTo(4);
        assertThat(w.mark()).isEqualTo("+154%");
    }

    @Test
    void overlappingIntervalsAreNoMeasurableDifferenceEvenWithAGapOver10Percent() {
        CellLeaders w = CellLeaders.of(cell(run(Model.VIRTUAL, 1000, 700, 1300), run(Model.EVENT_LOOP, 850, 800, 900)));

        assertThat(w.leaders()).isEmpty();
        assertThat(w.band()).isZero();
        assertThat(w.mark()).isEqualTo("=");
    }

    @Test
    void separateIntervalsWithAGapUnder10PercentAreNoMeasurableDifference() {
        CellLeaders w = CellLeaders.of(cell(run(Model.VIRTUAL, 1050, 1049, 1051), run(Model.EVENT_LOOP, 1000, 999, 1001)));

        assertThat(w.leaders()).isEmpty();
    }

    @Test
    void aCellWithARunThatNeverSettledSaysSo() {
        CellLeaders w = CellLeaders.of(cell(run(Model.VIRTUAL, 990, 980, 1000, false), run(Model.EVENT_LOOP, 650, 640, 660)));

        assertThat(w.trusted()).isFalse();
        assertThat(w.mark()).isEqualTo("+52% *");
    }

    @Test
    void aShareOnTheMapsAxisHasTheDecimalsItNeeds() {
        assertThat(List.of(0.5, 0.9, 0.97, 0.995, 0.998, 0.999).stream().map(CrossoverChart::share))
                .containsExactly("50%", "90%", "97%", "99.5%", "99.8%", "99.9%");
    }
}
