package dev.tva.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tva.engine.PlatformThreadLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lab footprint} parks tasks in a fresh JVM per model and reports bytes per parked task. */
class FootprintIT {

    @Test
    void aParkedPlatformThreadCostsManyTimesWhatAVirtualThreadOrAnEventLoopTimerCosts(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("footprint.json");

        LabCliTest.Ran ran = LabCliTest.lab("footprint", "--model", "platform,virtual,event-loop", "--tasks", "2000", "--json", json.toString());

        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("What to notice: at 2,000 parked tasks, a platform thread held");
        Map<String, JsonNode> byModel = new HashMap<>();
        new ObjectMapper().readTree(json.toFile()).forEach(r -> byModel.put(r.path("model").asText(), r));
        assertThat(byModel).containsOnlyKeys("platform", "virtual", "event-loop");
        byModel.values().forEach(r -> {
            assertThat(r.path("tasks").asInt()).isEqualTo(2000);
            assertThat(r.path("env").path("cores").asInt()).isPositive();
            assertThat(r.has("heapBytesPerTask")).isTrue();
            assertThat(r.has("rssBytesPerTask")).isTrue();
            assertThat(r.path("env").path("gc").asText()).as("heap read per byte").startsWith("G1");
        });
        // Wide margins: a virtual thread's parked stack is a heap object of a few KB; an event-loop timer is smaller still.
        assertThat(byModel.get("virtual").path("heapBytesPerTask").asLong()).isBetween(200L, 20_000L);
        assertThat(byModel.get("event-loop").path("heapBytesPerTask").asLong()).isBetween(20L, 5_000L);
        // A platform thread's stack lives outside the heap, in the process's resident memory.
        long platformRss = byModel.get("platform").path("rssBytesPerTask").asLong();
        assertThat(platformRss).isGreaterThan(3 * byModel.get("virtual").path("rssBytesPerTask").asLong());
        assertThat(platformRss).isGreaterThan(3 * byModel.get("event-loop").path("rssBytesPerTask").asLong());
    }

    @Test
    void platformThreadsBeyondWhatTheKernelAllowsAreNotStartedAndTheReasonIsSaid(@TempDir Path dir) throws Exception {
        String reason = PlatformThreadLimit.check(10_000_000);
        if (reason == null) {
            return;  // not Linux, or no limit found: nothing to check
        }
        LabCliTest.Ran ran = LabCliTest.lab("footprint", "--model", "platform", "--tasks", "10000000", "--json", dir.resolve("f.json").toString());

        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("not run: 10,000,000 platform threads do not fit here").contains("kernel.pid_max");
    }
}
