package dev.tva.workloads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsTest {

    /** A stand-in for a model's identity in a result; it never runs a task. */
    private static ExecutionModel named(Model id) {
        return new ExecutionModel() {
            @Override
            public Model model() {
                return id;
            }

            @Override
            public java.util.concurrent.CompletionStage<Long> start(Workload workload) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int parallelism() {
                return 2;
            }

            @Override
            public String describe() {
                return "2 event loops";
            }

            @Override
            public void close() {
            }
        };
    }

    private static RunResult sample() {
        Histogram micros = new Histogram(3);
        for (int i = 1; i <= 1_000; i++) {
            micros.recordValue(100_000 + i);
        }
        Experiment.Outcome outcome = new Experiment.Outcome(1_000, 100, 1_000, 0, null, 1_500_000_000L, micros,
                42, 300, 20, 150, null);
        ExecutionModel model = named(Model.EVENT_LOOP);
        Workload workload = new Workload.Sleep(100);
        Experiment.Windows windows = new Experiment.Windows(500, new double[] {600, 660, 665, 668},
                new double[] {660, 670, 670}, true);
        return RunResult.of("event-loop (2 loops)", model, workload, outcome, windows, Bound.of(workload, 1_000, 100, 2, 0),
                0, 5_000, null, null, null, Environment.current(), Client.LEAN);
    }

    @Test
    void aRunWithoutABoundWritesNoBoundRatherThanZero() throws Exception {
        Experiment.Outcome outcome = new Experiment.Outcome(10, 1, 10, 0, null, 1_000_000_000L, new Histogram(3),
                0, 0, 1, 1, null);
        RunResult result = RunResult.of("virtual", named(Model.VIRTUAL), new Workload.Sleep(0), outcome,
                new Experiment.Windows(1_000, new double[0], new double[] {10}, false),
                Bound.of(new Workload.Sleep(0), 10, 1, 2, 0), 0, 0, null, null, null, Environment.current(), Client.LEAN);

        JsonNode json = new ObjectMapper().readTree(Results.toJson(result));
        assertThat(json.has("boundPerSec")).isFalse();
        assertThat(json.has("efficiency")).isFalse();
        assertThat(json.get("throughputPerSec").asDouble()).isEqualTo(10.0);
    }

    @Test
    void aRunThatCallsTheBackendRecordsItsClientAndOthersRecordNone() throws Exception {
        Experiment.Outcome outcome = new Experiment.Outcome(10, 1, 10, 0, null, 1_000_000_000L, new Histogram(3),
                0, 0, 1, 1, null);
        Experiment.Windows windows = new Experiment.Windows(1_000, new double[0], new double[] {10}, false);
        Workload fanOut = new Workload.FanOut(4, 10, 16);
        RunResult http = RunResult.of("virtual", named(Model.VIRTUAL), fanOut, outcome, windows,
                Bound.of(fanOut, 10, 1, 2, 0), 0, 0, null, null, null, Environment.current(), Client.LIBRARY);
        RunResult sleep = RunResult.of("virtual", named(Model.VIRTUAL), new Workload.Sleep(10), outcome, windows,
                Bound.of(new Workload.Sleep(10), 10, 1, 2, 0), 0, 0, null, null, null, Environment.current(), Client.LIBRARY);

        JsonNode json = new ObjectMapper().readTree(Results.toJson(http));
        assertThat(json.get("client").asText()).isEqualTo("library");
        assertThat(json.get("workload").asText()).isEqualTo("fanout");
        assertThat(json.get("calls").asInt()).isEqualTo(4);
        assertThat(new ObjectMapper().readTree(Results.toJson(sleep)).has("client")).isFalse();
    }

    @Test
    void aResultRoundTripsThroughJson(@TempDir Path dir) throws Exception {
        RunResult result = sample();
        Path file = dir.resolve("nested/run.json");

        Results.write(file, result);

        assertThat(Results.read(file)).isEqualTo(result);
    }

    @Test
    void theContractFieldsHaveTheirDesignNamesAndValues() throws Exception {
        JsonNode json = new ObjectMapper().readTree(Results.toJson(sample()));

        assertThat(json.get("model").asText()).isEqualTo("event-loop");
        assertThat(json.get("workload").asText()).isEqualTo("sleep");
        assertThat(json.get("tasks").asInt()).isEqualTo(1_000);
        assertThat(json.get("concurrency").asInt()).isEqualTo(100);
        assertThat(json.get("wallMillis").asLong()).isEqualTo(1_500);
        // The mean of the measured windows, with its Student-t interval: s = 5.77, t(0.975, 2) = 4.303
        assertThat(json.get("throughputPerSec").asDouble()).isEqualTo(666.7);
        assertThat(json.get("throughputLowPerSec").asDouble()).isCloseTo(652.3, org.assertj.core.data.Offset.offset(0.1));
        assertThat(json.get("throughputHighPerSec").asDouble()).isCloseTo(681.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(json.get("windows").asInt()).isEqualTo(3);
        assertThat(json.get("forks").asInt()).isEqualTo(1);
        assertThat(json.get("steady").asBoolean()).isTrue();
        assertThat(json.get("boundPerSec").asDouble()).isEqualTo(1_000.0);
        assertThat(json.get("efficiency").asDouble()).isEqualTo(0.667);
        // 3 significant digits: the 500th of 100,001..101,000 us within 0.1%
        assertThat(json.get("latencyMicros").get("p50").asLong()).isBetween(100_400L, 100_600L);
        assertThat(json.get("latencyMicros").fieldNames()).toIterable().containsExactly("p50", "p90", "p99", "p999", "max");
        assertThat(json.get("cpuMillis").asLong()).isEqualTo(300);
        assertThat(json.get("peakThreads").asInt()).isEqualTo(20);
        assertThat(json.get("peakRssMb").asLong()).isEqualTo(150);
        assertThat(json.get("errors").asLong()).isZero();
        assertThat(json.get("env").fieldNames()).toIterable().contains("jdk", "os", "cores", "memoryMb", "commit", "date");
    }

    @Test
    void forksMergeIntoOneRowWhoseIntervalCoversEveryWindowOfEveryFork() {
        RunResult a = sample();
        Histogram other = new Histogram(3);
        for (int i = 1; i <= 500; i++) {
            other.recordValue(200_000 + i);
        }
        Experiment.Outcome outcome = new Experiment.Outcome(500, 100, 500, 0, null, 1_500_000_000L, other, 7, 200, 30, 180, null);
        Workload workload = new Workload.Sleep(100);
        RunResult b = RunResult.of("event-loop (2 loops)", named(Model.EVENT_LOOP), workload, outcome,
                new Experiment.Windows(500, new double[] {640, 650, 650, 652}, new double[] {640, 650, 660}, false),
                Bound.of(workload, 1_000, 100, 2, 0), 0, 2_000, null, null, null, Environment.current(), Client.LEAN);

        RunResult merged = RunResult.merge(java.util.List.of(a, b));

        // Windows 660, 670, 670, 640, 650, 660: mean 658.3, s = 11.69, t(0.975, 5) = 2.5706, half-width 12.27
        assertThat(merged.forks()).isEqualTo(2);
        assertThat(merged.windows()).isEqualTo(6);
        assertThat(merged.throughputPerSec()).isEqualTo(658.3);
        assertThat(merged.throughputLowPerSec()).isCloseTo(646.1, org.assertj.core.data.Offset.offset(0.1));
        assertThat(merged.throughputHighPerSec()).isCloseTo(670.6, org.assertj.core.data.Offset.offset(0.1));
        assertThat(merged.steady()).as("one fork that never settled makes the row not steady").isFalse();
        assertThat(merged.tasks()).isEqualTo(1_500);
        assertThat(merged.cpuMillis()).isEqualTo(500);
        assertThat(merged.peakRssMb()).isEqualTo(180);
        assertThat(merged.latencyDistribution().getTotalCount()).isEqualTo(1_500);
        assertThat(merged.latencyMicros().max()).isBetween(200_400L, 200_600L);
        assertThat(merged.checksum()).isEqualTo(49);
    }
}
