package dev.tva.engine;

import dev.tva.workloads.Model;
import dev.tva.workloads.RunResult;
import dev.tva.workloads.WorkloadType;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A tiny real sweep: two cells, each run on the three models in JVMs of their own, each run a row with an interval. */
class CrossoverSweepIT {

    @Test
    void everyCellHasARunOfEachModelWithAnIntervalAndItsOwnSplitOfTheTask() {
        // Two shares at 20 in flight, windows of 200 ms: a warm-up of at most 400 ms, then 3 measured windows.
        CrossoverGrid grid = new CrossoverGrid(true, List.of(0.5, 0.99), List.of(20),
                new Measurement(Duration.ofMillis(200), 3, Duration.ofMillis(400), 1, null));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<CrossoverResult.Cell> told = new ArrayList<>();

        CrossoverResult sweep;
        try (Runner runner = new Runner(new PrintWriter(out, true), new PrintWriter(err, true), Duration.ofSeconds(10), null, null, true)) {
            sweep = CrossoverSweep.run(runner, Models.defaults(), grid, new PrintWriter(err, true), told::add);
        }

        assertThat(sweep.kind()).isEqualTo(CrossoverResult.KIND);
        assertThat(sweep.taskMicros()).isEqualTo(CrossoverGrid.TASK_MICROS);
        assertThat(sweep.env().cores()).isPositive();
        assertThat(told).as("each cell is told as soon as it is done, in order").isEqualTo(sweep.cells());
        assertThat(sweep.cells()).extracting(CrossoverResult.Cell::waitShare).containsExactly(0.5, 0.99);
        assertThat(sweep.cells()).extracting(CrossoverResult.Cell::waitMillis).containsExactly(10L, 20L);
        double nanosPerUnit = sweep.cells().get(0).results().get(0).cpuNanosPerUnit();
        for (CrossoverResult.Cell cell : sweep.cells()) {
            CrossoverGrid.Point planned = CrossoverGrid.Point.of(cell.waitShare(), 20, nanosPerUnit);
            assertThat(cell.cpuUnits()).isEqualTo(planned.cpuUnits());
            assertThat(cell.concurrency()).isEqualTo(20);
            assertThat(cell.results()).extracting(RunResult::model).containsExactly(Model.values());
            assertThat(cell.results()).allSatisfy(r -> {
                assertThat(r.workload()).isEqualTo(WorkloadType.MIXED);
                assertThat(r.latencyMillis()).isEqualTo(cell.waitMillis());
                assertThat(r.workUnits()).isEqualTo(cell.cpuUnits());
                assertThat(r.concurrency()).isEqualTo(20);
                assertThat(r.errors()).isZero();
                assertThat(r.throughputPerSec()).isPositive();
                assertThat(r.throughput().known()).as("an interval over the windows").isTrue();
                assertThat(r.windows()).isEqualTo(3);
            });
        }
        assertThat(sweep.cells().get(0).cpuUnits()).as("half the task computes, a hundredth does").isGreaterThan(sweep.cells().get(1).cpuUnits());
        assertThat(err.toString()).contains("cell 1 of 2 (wait share 0.5, 20 in flight)").contains("cell 2 of 2 (wait share 0.99, 20 in flight)");
        assertThat(out.toString()).contains("cpu kernel:").contains("in its own JVM");
    }
}
