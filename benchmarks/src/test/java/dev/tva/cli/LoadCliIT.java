package dev.tva.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tva.load.KernelMonitor;
import dev.tva.load.LoadResult;
import dev.tva.load.TestServer;
import dev.tva.load.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lab load} end to end, in-process, against a test server. The late threshold is raised to 200 ms:
 * these tests check the output, not whether this shared machine keeps a 10 ms schedule.
 */
class LoadCliIT {
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void anOpenRunPrintsItsResultAndWritesTheJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("load.json");
        LabCliTest.Ran ran;
        String url;
        try (TestServer server = TestServer.answering(200)) {
            url = server.uri("/hello?n=1").toString();
            ran = LabCliTest.lab("load", "--url", url, "--rate", "200/s", "--duration", "1s", "--warmup", "200ms",
                    "--late-threshold", "200ms", "--json", json.toString());
        }

        assertThat(ran.exit()).as(ran.out() + ran.err()).isZero();
        assertThat(ran.out()).startsWith("load: open model, 200/s for 1 s (200 ms warm-up first) | up to 1,000 connections")
                .contains("target 200/s, achieved").contains("p99.9").contains("coordinated omission corrected")
                .contains("  VALID").contains("results: ");
        assertThat(ran.err()).as("no progress lines for a short run").isEmpty();

        JsonNode node = JSON.readTree(json.toFile());
        assertThat(node.get("model").asText()).isEqualTo("open");
        assertThat(node.get("url").asText()).isEqualTo(url);
        assertThat(node.get("targetPerSec").asDouble()).isEqualTo(200.0);
        assertThat(node.get("achievedPerSec").asDouble()).isBetween(150.0, 220.0);
        for (String p : new String[] {"p50", "p90", "p99", "p999", "max"}) {
            assertThat(node.get("latencyMicros").get(p).asLong()).as(p).isPositive();
        }
        assertThat(node.get("sent").asLong()).isBetween(180L, 220L);
        assertThat(node.get("completed").asLong()).isEqualTo(node.get("sent").asLong());
        assertThat(node.get("errors").asLong()).isZero();
        assertThat(node.get("timeouts").asLong()).isZero();
        assertThat(node.get("late").asLong()).isLessThanOrEqualTo(2);
        assertThat(node.get("valid").asBoolean()).isTrue();
        assertThat(node.has("invalidReason")).isTrue();
        assertThat(node.get("invalidReason").isNull()).isTrue();
        assertThat(node.get("connections").asInt()).isEqualTo(1_000);
        assertThat(node.get("transport").asText()).as("the best transport here").isEqualTo(Transport.best().id());
        assertThat(ran.out()).contains("event loops (" + Transport.best() + ") |").contains(" event loops on " + Transport.best());
        assertThat(node.get("durationMillis").asLong()).isEqualTo(1_000);
        assertThat(node.get("warmupMillis").asLong()).isEqualTo(200);
        assertThat(node.get("env").get("cores").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(node.get("env").get("jdk").asText()).isNotBlank();
        // Linux tells each thread's time on a run queue: the generator's own figures include it.
        assertThat(node.get("generatorCpuMillis").asLong()).isNotNegative();
        assertThat(node.get("generatorCpuWaitMillis").asLong()).isNotNegative();
        // And /proc/stat tells the host's share of the CPU (steal time), a percentage.
        assertThat(node.get("hostStealPercent").asDouble()).isBetween(0.0, 100.0);
        assertThat(ran.out()).containsPattern("host +took [0-9.]+% of this machine's CPU time over the measured part \\(steal time\\)");
        // Where Linux's data-access monitor runs (kdamond), its share is recorded and printed too; nowhere else.
        if (KernelMonitor.now().threads().isEmpty()) {
            assertThat(node.has("kernelMonitorPercent")).isFalse();
        } else {
            assertThat(node.get("kernelMonitorPercent").asDouble()).isBetween(0.0, 100.0);
            assertThat(ran.out()).containsPattern("kernel +its memory monitor \\(kdamond\\) took [0-9.]+% of this machine's CPU time");
        }
        assertThat(ran.out()).containsPattern("generator +[0-9.]+ s CPU over the measured part \\([0-9.]+ us per answer\\), its threads"
                + " [0-9.]+ s waiting for a CPU, longest GC pause [0-9]+ ms");

        LoadResult back = JSON.readValue(json.toFile(), LoadResult.class);
        assertThat(back.completed()).isEqualTo(node.get("completed").asLong());
        assertThat(back.latencyMicros().p99()).isEqualTo(node.get("latencyMicros").get("p99").asLong());
    }

    @Test
    void aServerAnswering500IsAnInvalidRunWithExitCodeOne(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("load.json");
        LabCliTest.Ran ran;
        try (TestServer server = TestServer.answering(500)) {
            ran = LabCliTest.lab("load", "--url", server.uri("/").toString(), "--rate", "100", "--duration", "500ms",
                    "--late-threshold", "200ms", "--json", json.toString());
        }

        assertThat(ran.exit()).isEqualTo(1);
        assertThat(ran.out()).containsPattern("  INVALID: \\d+ of \\d+ requests failed \\(500: \\d+\\)");
        JsonNode node = JSON.readTree(json.toFile());
        assertThat(node.get("valid").asBoolean()).isFalse();
        assertThat(node.get("invalidReason").asText()).contains("500");
        assertThat(node.get("errorsByStatus").get("500").asLong()).isEqualTo(node.get("errors").asLong()).isPositive();
    }

    @Test
    void theClosedModelIsLabelledAsATeachingContrast(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("closed.json");
        LabCliTest.Ran ran;
        try (TestServer server = TestServer.answering(200)) {
            ran = LabCliTest.lab("load", "--url", server.uri("/").toString(), "--closed", "--connections", "4",
                    "--duration", "500ms", "--json", json.toString());
        }

        assertThat(ran.exit()).as(ran.out() + ran.err()).isZero();
        assertThat(ran.out()).contains("closed model (teaching contrast): latency is measured from the actual send, "
                + "so queueing in front of the server is hidden").contains("load: closed model, 4 connections for 500 ms");
        JsonNode node = JSON.readTree(json.toFile());
        assertThat(node.get("model").asText()).isEqualTo("closed");
        assertThat(node.get("targetPerSec").isNull()).isTrue();
        assertThat(node.get("connections").asInt()).isEqualTo(4);
        assertThat(node.get("completed").asLong()).isPositive();
    }
}
