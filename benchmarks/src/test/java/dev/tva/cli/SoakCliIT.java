package dev.tva.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tva.load.KernelMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code lab soak} end to end against netty in its own JVM: a sample every 5 s for 30 s, each with the server
 * process's figures read from /proc and through the attach API, and the trend of each figure.
 */
class SoakCliIT {

    @Test
    void soakSamplesTheServerProcessEveryIntervalAndJudgesEachFigure(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("soak.json");
        boolean damon = KernelMonitor.now().monitor() >= 0;  // the kernel runs a DAMON monitor now
        LabCliTest.Ran ran = LabCliTest.lab("soak", "--server", "netty", "--endpoint", "io", "--ms", "20", "--rate", "100/s",
                "--duration", "30s", "--sample", "5s", "--warmup", "5s", "--json", json.toString());

        JsonNode r = new ObjectMapper().readTree(json.toFile());
        // The verdict may go either way on a shared machine; the exit code must agree with it.
        assertThat(ran.exit()).as(ran.err()).isEqualTo(r.get("held").asBoolean() ? 0 : 1);
        assertThat(r.get("kind").asText()).isEqualTo("soak");
        assertThat(r.get("server").asText()).isEqualTo("netty");
        assertThat(r.get("path").asText()).isEqualTo("/io?ms=20");
        assertThat(r.get("sampleMillis").asLong()).isEqualTo(5_000);
        assertThat(r.has("attachProblem")).as("attached: %s", r.get("attachProblem")).isFalse();
        assertThat(r.get("env").get("cores").asInt()).isPositive();

        JsonNode samples = r.get("samples");
        assertThat(samples).as("30 s / 5 s").hasSize(6);
        long opened = r.get("connectionsOpened").asLong();
        assertThat(opened).isPositive();
        long answered = 0;
        long gcsBefore = 0;
        List<Long> elapsed = new ArrayList<>();
        for (JsonNode s : samples) {
            JsonNode server = s.get("server");
            elapsed.add(s.get("elapsedMillis").asLong());
            assertThat(server.get("rssKib").asLong()).isGreaterThan(10 * 1024);
            assertThat(server.get("heapAfterGcKib").asLong()).as("a full GC ran right before the sample").isPositive();
            assertThat(server.get("gcCount").asLong()).as("the probe asked for a GC before this sample").isGreaterThan(gcsBefore);
            gcsBefore = server.get("gcCount").asLong();
            assertThat(server.get("jvmThreads").asLong()).isPositive();
            assertThat(server.get("osThreads").asLong()).as("the kernel also counts the JVM's own native threads")
                    .isGreaterThanOrEqualTo(server.get("jvmThreads").asLong());
            assertThat(server.get("openFds").asLong()).as("each of the generator's connections is a socket in the server")
                    .isGreaterThan(opened);
            assertThat(s.get("latencyMicros").get("p99").asLong()).as("no answer to /io?ms=20 comes before its 20 ms")
                    .isGreaterThanOrEqualTo(20_000);
            assertThat(s.get("stealPercent").asDouble()).as("the host's share of the CPU in the interval").isBetween(0.0, 100.0);
            if (damon) {
                assertThat(s.get("kernelMonitorPercent").asDouble()).as("kdamond's share of the CPU in the interval").isBetween(0.0, 100.0);
            } else {
                assertThat(s.has("kernelMonitorPercent")).as("no DAMON thread on this machine: no share written").isFalse();
            }
            answered += s.get("answered").asLong();
        }
        assertThat(ran.out()).contains("steal %").contains("kdamond %");
        assertThat(elapsed).containsExactly(5_000L, 10_000L, 15_000L, 20_000L, 25_000L, 30_000L);
        assertThat(answered).as("about 100/s for 30 s").isBetween(1_500L, 3_300L);

        List<String> judged = new ArrayList<>();
        r.get("trends").forEach(t -> judged.add(t.get("figure").asText()));
        assertThat(judged).as("heap after GC too: a collection ran before every sample").contains("heapAfterGc", "rss", "jvmThreads", "osThreads", "openFds");
        for (JsonNode t : r.get("trends")) {
            assertThat(t.get("samples").asInt()).isEqualTo(6);
            assertThat(t.get("verdict").asText()).isIn("FLAT", "GROWING", "SHRINKING");
            assertThat(t.get("tolerance").asText()).startsWith("within ±");
        }
        // Six samples: the floors are the lower of the first two and of the last two.
        JsonNode fds = StreamSupport.stream(r.get("trends").spliterator(), false).filter(t -> t.get("figure").asText().equals("openFds")).findFirst().orElseThrow();
        List<Long> open = new ArrayList<>();
        r.get("samples").forEach(s -> open.add(s.get("server").get("openFds").asLong()));
        assertThat(fds.get("firstFloor").asLong()).isEqualTo(Math.min(open.get(0), open.get(1)));
        assertThat(fds.get("lastFloor").asLong()).isEqualTo(Math.min(open.get(4), open.get(5)));
        assertThat(fds.get("change").asLong()).isEqualTo(fds.get("lastFloor").asLong() - fds.get("firstFloor").asLong());
        // Requests in flight by Little's law: each interval's answers a second times its median latency, the median of those.
        double[] inFlight = new double[6];
        long before = 0;
        for (int i = 0; i < 6; i++) {
            JsonNode s = r.get("samples").get(i);
            inFlight[i] = s.get("answered").asDouble() / ((s.get("elapsedMillis").asLong() - before) / 1000.0) * s.get("latencyMicros").get("p50").asDouble() / 1e6;
            before = s.get("elapsedMillis").asLong();
        }
        Arrays.sort(inFlight);
        assertThat(fds.get("inFlight").asDouble()).isCloseTo((inFlight[2] + inFlight[3]) / 2, within(1e-6));
        assertThat(fds.get("allowed").asDouble()).isEqualTo(Math.max(Math.max(0.02 * fds.get("median").asDouble(), 4), 2 * fds.get("inFlight").asDouble()));
        assertThat(ran.out()).contains("netty, GET /io?ms=20 at 100/s (open model) for 30 s after a 5 s warm-up (stepped up: its first quarter at 1/4 of the rate")
                .contains("Before each sample the server is asked for a full GC").contains("Trend over 6 samples after the warm-up (the lowest sample of the last 2 against the lowest of the first 2)").contains("FLAT if within ±10% of the median or ±32 MiB")
                .containsPattern("open FDs .*per request in flight \\(rate × median latency\\), whichever is larger \\(here ±[0-9.]+, [0-9.]+ in flight\\)")
                .containsPattern("(HELD|NOT HELD): ");
    }
}
