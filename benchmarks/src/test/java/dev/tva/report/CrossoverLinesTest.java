package dev.tva.report;

import dev.tva.engine.CrossoverResult;
import dev.tva.engine.CrossoverRows;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each cell's leaders come from the lab's verdict, and the map puts them at their share and count of tasks in flight. */
class CrossoverLinesTest {
    // Each run is ± 2%: 9,900 and 20,500 are apart, 20,500 and 19,800 overlap.
    private static final CrossoverResult.Cell POOL_RUNS_OUT = CrossoverRows.cell(0.999, 1_000, 9_900, 20_500, 19_800);
    private static final CrossoverResult.Cell COMPUTING = CrossoverRows.cell(0.5, 1_000, 190, 196, 189);

    @Test
    void aCellWhereThePoolRunsOutIsLedByTheModelsThatHoldEveryWait() {
        // 20,500 / 9,900 = 2.07: the leader against the fastest row behind it.
        assertThat(CrossoverLines.mark(POOL_RUNS_OUT)).isEqualTo("virtual, event-loop 2.1x");
        assertThat(CrossoverLines.line(POOL_RUNS_OUT))
                .startsWith("share 0.999: wait 20 ms + 2 units (0.02 ms of CPU), 1,000 in flight")
                .contains("platform 9,900 ± 2% | virtual 20,500 ± 2% | event-loop 19,800 ± 2% tasks/s")
                .endsWith("leader: virtual, event-loop");
    }

    @Test
    void aCellWithinTheIntervalsIsParity() {
        assertThat(CrossoverLines.mark(COMPUTING)).isEqualTo(CrossoverLines.PARITY);
        assertThat(CrossoverLines.line(COMPUTING)).endsWith("no measurable difference");
    }

    @Test
    void aCellWithARunThatNeverSettledIsMarkedNotToBeTrusted() {
        CrossoverResult.Cell shaky = new CrossoverResult.Cell(0.5, 10, 849, 10_000, 10, List.of(
                COMPUTING.results().get(0), CrossoverRows.notSteady(COMPUTING.results().get(1)), COMPUTING.results().get(2)));

        assertThat(CrossoverLines.mark(shaky)).isEqualTo(CrossoverLines.PARITY + CrossoverLines.UNTRUSTED);
        assertThat(CrossoverLines.line(shaky)).endsWith("no measurable difference | not to be trusted: virtual");
    }

    @Test
    void theMapHasARowPerShareAndAColumnPerCountOfTasksInFlight() {
        List<CrossoverResult.Cell> cells = List.of(CrossoverRows.cell(0.5, 10, 190, 191, 189), COMPUTING,
                CrossoverRows.cell(0.999, 10, 480, 490, 485), POOL_RUNS_OUT);

        List<String> lines = CrossoverLines.map(cells, "").lines().toList();

        assertThat(lines.get(0)).matches("wait share \\\\ in flight +10 +1,000");
        assertThat(lines.get(2)).matches("0\\.5 += += *");
        assertThat(lines.get(3)).matches("0\\.999 += +virtual, event-loop 2\\.1x *");
        assertThat(lines.get(4)).contains("= no measurable difference").doesNotContain("not to be trusted");
    }
}
