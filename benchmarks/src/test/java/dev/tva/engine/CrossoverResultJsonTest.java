package dev.tva.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tva.workloads.Results;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A sweep written the lab's way reads back, with a plain Jackson mapper, as the same record. */
class CrossoverResultJsonTest {

    private static CrossoverResult sweep() {
        return new CrossoverResult(CrossoverResult.KIND, true, CrossoverGrid.TASK_MICROS, List.of(
                CrossoverRows.cell(0.5, 10, 190, 191, 189),
                CrossoverRows.cell(0.999, 1_000, 9_900, 20_500, 19_800)), CrossoverRows.TWO_CORES);
    }

    @Test
    void aSweepWrittenByResultsReadsBackEqual(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("crossover.json");
        CrossoverResult written = sweep();

        Results.write(file, written);
        CrossoverResult read = new ObjectMapper().readValue(file.toFile(), CrossoverResult.class);

        assertThat(read).isEqualTo(written);
    }

    @Test
    void theFileSaysWhatItIsAndKeepsTheSharedIds(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("crossover.json");
        Results.write(file, sweep());

        JsonNode json = new ObjectMapper().readTree(file.toFile());

        assertThat(json.fieldNames()).toIterable().containsExactly("kind", "quick", "taskMicros", "cells", "env");
        assertThat(json.get("kind").asText()).isEqualTo("crossover");
        JsonNode cell = json.get("cells").get(1);
        assertThat(cell.fieldNames()).toIterable()
                .containsExactly("waitShare", "waitMillis", "cpuUnits", "cpuMicros", "concurrency", "results");
        assertThat(cell.get("results").findValuesAsText("model")).containsExactly("platform", "virtual", "event-loop");
        assertThat(cell.get("results").findValuesAsText("workload")).containsOnly("mixed");
    }
}
