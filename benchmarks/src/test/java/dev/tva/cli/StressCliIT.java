package dev.tva.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tva.engine.Recovery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lab overload} and {@code lab idle} end to end, short: real servers in their own JVMs, a few seconds each. */
class StressCliIT {

    @Test
    void overloadAccountsForEveryRequestAndComputesRecoveryFromItsOwnTimeline(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("overload.json");
        // /io?ms=50 on 2 platform threads serves at most 2 / 50 ms = 40/s: 80/s for 3 s is an overload; jdk-virtual takes 80/s easily.
        LabCliTest.Ran ran = LabCliTest.lab("overload", "--servers", "jdk-platform,jdk-virtual", "--threads", "2", "--ms", "50",
                "--capacity", "40", "--over", "3s", "--after", "6s", "--warmup", "3s", "--slo", "500ms", "--json", json.toString());

        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("jdk-platform (2 threads): capacity 40/s (given)").contains("80/s for 3 s, then 20/s for 6 s")
                .containsPattern("jdk-platform \\(2 threads\\): capacity 40/s \\(given\\); warm-up (NOT )?steady, and (NOT )?steady again after the rehearsal")
                .contains("p99 of each second").contains("^ = the host took 10%+ of the CPU")
                .containsPattern("host: took [0-9.]+% of this machine's CPU time over the run \\(steal time\\), at most [0-9]+% in a second")
                .contains("the server's open files at the end of each second").contains("verdict: ");
        assertThat(ran.err()).contains("jdk-platform (2 threads): rehearsed: 80/s for 3 s, then 20/s for 6 s: ");
        JsonNode rows = new ObjectMapper().readTree(json.toFile());
        assertThat(rows).hasSize(2);
        for (JsonNode r : rows) {
            JsonNode rehearsal = r.get("rehearsal");
            assertThat(rehearsal.get("overPerSec").asDouble()).isEqualTo(80);
            assertThat(rehearsal.get("answered").asLong() + rehearsal.get("errors").asLong() + rehearsal.get("timeouts").asLong())
                    .as("the rehearsal's requests, all accounted for, none of them in the measured run").isEqualTo(240 + 120);
            JsonNode load = r.get("load");
            long scheduled = load.get("scheduled").asLong();
            assertThat(scheduled).as("80/s x 3 s + 20/s x 6 s").isEqualTo(240 + 120);
            assertThat(load.get("completed").asLong() + load.get("errors").asLong() + load.get("timeouts").asLong()).isEqualTo(scheduled);
            assertThat(r.get("lost").asLong()).isZero();
            assertThat(r.get("alive").asBoolean()).isTrue();
            assertThat(r.get("helloMillis").isNumber()).as("answered /hello after the run").isTrue();
            assertThat(r.get("verdict").asText()).isIn("recovered", "slow");
            List<Recovery.Second> timeline = new ArrayList<>();
            for (JsonNode s : r.get("timeline")) {
                timeline.add(new Recovery.Second(s.get("second").asInt(), s.get("answers").asLong(), s.get("p99Micros").asLong(),
                        s.get("failures").asLong()));
                assertThat(s.get("stealPercent").asDouble()).as("each second's share of the CPU the host took").isBetween(0.0, 100.0);
                assertThat(s.get("serverOpenFiles").asLong()).as("the server's open files at the end of each second: its jar, its"
                        + " connections, its backend sockets").isGreaterThan(2);
            }
            assertThat(load.get("hostStealPercent").asDouble()).isBetween(0.0, 100.0);
            assertThat(timeline).as("a report each second; the last may not come when every answer is in").hasSizeGreaterThanOrEqualTo(8);
            assertThat(timeline.stream().mapToLong(Recovery.Second::answers).sum()).as("answers after the last report are in no second")
                    .isLessThanOrEqualTo(load.get("completed").asLong());
            OptionalInt recovery = Recovery.seconds(timeline, 3, 9, Duration.ofMillis(500));
            assertThat(r.get("recoverySeconds").isNull() ? OptionalInt.empty() : OptionalInt.of(r.get("recoverySeconds").asInt()))
                    .isEqualTo(recovery);
        }
        JsonNode platform = rows.get(0);
        assertThat(platform.get("server").asText()).isEqualTo("jdk-platform");
        assertThat(platform.get("load").get("timeouts").asLong() + platform.get("load").get("errors").asLong())
                .as("twice what 2 threads can do, with a 2 s timeout: requests must fail").isPositive();
        assertThat(platform.get("timeline").get(2).get("p99Micros").asLong()).as("third second of the overload, over the SLO")
                .isGreaterThan(500_000);
    }

    @Test
    void idleConnectionsAreServedOnceHeldOpenAndCountedBesideTheLoad(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("idle.json");
        LabCliTest.Ran ran = LabCliTest.lab("idle", "--servers", "jdk-virtual,netty", "--idle", "500", "--rate", "200",
                "--duration", "3s", "--warmup", "3s", "--json", json.toString());

        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("500 of 500 idle connections served").contains("server before:").contains("still open at the end:");
        JsonNode rows = new ObjectMapper().readTree(json.toFile());
        assertThat(rows).hasSize(2);
        for (JsonNode r : rows) {
            assertThat(r.get("served").asInt()).isEqualTo(500);
            assertThat(r.get("failed").asInt()).isZero();
            assertThat(r.get("stillOpen").asInt()).as("keep-alive, and the count came long before the 60 s idle timeout").isEqualTo(500);
            assertThat(r.get("silentMillis").asLong()).isBetween(3_000L, 50_000L);
            assertThat(r.get("rssMbBefore").asLong()).isPositive();
            assertThat(r.get("threadsWith").asLong()).isPositive();
            JsonNode load = r.get("load");
            assertThat(load.get("scheduled").asLong()).isEqualTo(600);
            assertThat(load.get("completed").asLong() + load.get("errors").asLong() + load.get("timeouts").asLong()).isEqualTo(600);
            assertThat(r.get("verdict").asText()).isIn("held", "slow");
        }
        // netty waits for its idle connections in its selector: 500 of them add no thread.
        JsonNode netty = rows.get(1);
        assertThat(netty.get("threadsWith").asLong() - netty.get("threadsBefore").asLong()).isLessThan(10);
    }
}
