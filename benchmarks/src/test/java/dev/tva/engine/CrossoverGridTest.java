package dev.tva.engine;

import dev.tva.workloads.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** A cell's task is the 20 ms budget split by its share: the wait in whole milliseconds, the rest in kernel units. */
class CrossoverGridTest {
    private static final Measurement SHORT = new Measurement(Duration.ofMillis(200), 3, Duration.ofMillis(400), 1, null);

    @ParameterizedTest(name = "share {0} at {1} ns per unit: {2} ms and {3} units")
    @CsvSource({
            // share, ns per unit, wait ms = round(share x 20), units = round((1 - share) x 20,000 us / unit cost)
            "0.0,   10000,  0, 2000",
            "0.5,   10000, 10, 1000",
            "0.9,   10000, 18,  200",
            "0.99,  10000, 20,   20",
            "0.999, 10000, 20,    2",
            "0.5,   11780, 10,  849",   // 10,000 us / 11.78 us = 848.9
            "0.999, 100000, 20,   1",   // 20 us of CPU is a fifth of a unit: at least one unit, so the task computes
    })
    void aCellSplitsTheTaskBudgetIntoAWaitAndKernelUnits(double share, double nanosPerUnit, long waitMillis, int units) {
        CrossoverGrid.Point point = CrossoverGrid.Point.of(share, 100, nanosPerUnit);

        assertThat(point.waitMillis()).isEqualTo(waitMillis);
        assertThat(point.cpuUnits()).isEqualTo(units);
        assertThat(point.cpuMicros()).isCloseTo(units * nanosPerUnit / 1000, within(0.005));
        assertThat(point.workload()).isEqualTo(new Workload.Mixed(new Workload.Http(waitMillis, 16), new Workload.Cpu(units, 0)));
    }

    @Test
    void cellsGoShareByShareWithEveryCountOfTasksInFlightInEach() {
        CrossoverGrid grid = new CrossoverGrid(false, List.of(0.5, 0.99), List.of(10, 1_000), SHORT);

        List<CrossoverGrid.Point> points = grid.points(10_000);

        assertThat(grid.cells()).isEqualTo(4);
        assertThat(points).extracting(CrossoverGrid.Point::waitShare).containsExactly(0.5, 0.5, 0.99, 0.99);
        assertThat(points).extracting(CrossoverGrid.Point::concurrency).containsExactly(10, 1_000, 10, 1_000);
        assertThat(points).extracting(CrossoverGrid.Point::cpuUnits).containsExactly(1_000, 1_000, 20, 20);
    }

    @Test
    void theBuiltInGridsStraddleThePlatformPoolAndTheShareWhereItRunsOut() {
        for (CrossoverGrid grid : List.of(CrossoverGrid.QUICK, CrossoverGrid.FULL)) {
            assertThat(grid.concurrencies()).anyMatch(c -> c < Models.DEFAULT_THREADS).anyMatch(c -> c > Models.DEFAULT_THREADS);
            // The pool's limit, 200 / 20 ms = 10,000/s, is below two cores' only when a task computes under about half a
            // percent; at 2 ms of CPU (share 0.9) two cores give 1,000/s, whatever the model.
            assertThat(grid.waitShares()).anyMatch(s -> s <= 0.9).anyMatch(s -> 1 - s < 0.005);
        }
        assertThat(CrossoverGrid.QUICK.quick()).isTrue();
        assertThat(CrossoverGrid.FULL.quick()).isFalse();
        assertThat(CrossoverGrid.QUICK.cells()).isLessThan(CrossoverGrid.FULL.cells());
    }

    @Test
    void forksRepeatEveryRunAndChangeNothingElse() {
        CrossoverGrid forked = CrossoverGrid.QUICK.withForks(3);

        assertThat(forked.measurement()).isEqualTo(CrossoverGrid.QUICK.measurement().withForks(3));
        assertThat(forked.waitShares()).isEqualTo(CrossoverGrid.QUICK.waitShares());
        assertThat(forked.concurrencies()).isEqualTo(CrossoverGrid.QUICK.concurrencies());
    }

    @Test
    void aShareOfOneOrATaskCountOfZeroIsNotAGrid() {
        assertThatThrownBy(() -> new CrossoverGrid(true, List.of(1.0), List.of(10), SHORT)).hasMessageContaining("[0, 1), got 1.0");
        assertThatThrownBy(() -> new CrossoverGrid(true, List.of(0.5), List.of(0), SHORT)).hasMessageContaining("at least 1, got 0");
        assertThatThrownBy(() -> CrossoverGrid.Point.of(0.5, 10, 0)).hasMessageContaining("positive");
    }

    @Test
    void progressSaysWhichCellAndEstimatesTheRestFromTheCellsDone() {
        CrossoverGrid.Point next = CrossoverGrid.Point.of(0.99, 1_000, 10_000);

        // 3 cells took 30 s: 10 s each, 9 to go.
        assertThat(CrossoverSweep.progress(3, 12, next, 41, 30))
                .isEqualTo("  ... cell 4 of 12 (wait share 0.99, 1,000 in flight): 41 s elapsed, about 1 min 30 s left");
        assertThat(CrossoverSweep.progress(0, 12, next, 1, 0)).contains("cell 1 of 12").contains("known after this cell");
    }
}
