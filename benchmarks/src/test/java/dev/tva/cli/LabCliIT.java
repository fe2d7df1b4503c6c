package dev.tva.cli;

import dev.tva.workloads.Client;
import dev.tva.workloads.Model;
import dev.tva.workloads.Results;
import dev.tva.workloads.RunResult;
import dev.tva.workloads.WorkloadType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands end to end, in-process, with their own backend process where a workload needs one. */
class LabCliIT {

    @Test
    void runPrintsTheTableAndWritesTheResultJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("run.json");

        LabCliTest.Ran ran = LabCliTest.lab("run", "--model", "virtual", "--workload", "sleep", "--latency", "20ms",
                "--tasks", "2000", "--concurrency", "1000", "--warmup", "0", "--json", json.toString());

        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("bound/s").contains("virtual").contains("1000 in flight / 20 ms");
        RunResult result = Results.read(json);
        assertThat(result.model()).isEqualTo(Model.VIRTUAL);
        assertThat(result.workload()).isEqualTo(WorkloadType.SLEEP);
        assertThat(result.tasks()).isEqualTo(2000);
        assertThat(result.errors()).isZero();
        assertThat(result.boundPerSec()).isEqualTo(50_000.0);
        assertThat(result.latencyMicros().p50()).isGreaterThanOrEqualTo(20_000);
        assertThat(result.env().cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void compareRunsEveryModelOnTheSameHttpWorkAgainstItsOwnBackend(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("compare.json");

        LabCliTest.Ran ran = LabCliTest.lab("compare", "--workload", "http", "--latency", "10ms", "--tasks", "1000",
                "--concurrency", "100", "--warmup", "200ms", "--threads", "20", "--json", json.toString());

        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("in its own JVM").contains("What to notice:");
        List<RunResult> results = Results.readAll(json);
        assertThat(results).extracting(RunResult::model).containsExactly(Model.PLATFORM, Model.VIRTUAL, Model.EVENT_LOOP);
        assertThat(results).allSatisfy(r -> {
            assertThat(r.errors()).isZero();
            assertThat(r.checksum()).isEqualTo(1000L * 16);
            assertThat(r.backendCpuMillis()).isNotNull();
            assertThat(r.client()).as("the default client").isEqualTo(Client.LEAN);
        });
    }
}
