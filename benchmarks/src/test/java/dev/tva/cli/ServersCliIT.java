package dev.tva.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tva.engine.Runner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lab serve} as a user starts it (its own JVM, its own backend, stopped with SIGTERM), and
 * {@code lab servers} end to end: each server in its own JVM under open-model load, one table, the SLO line.
 */
class ServersCliIT {

    @Test
    void serveListensAnswersAndStopsGracefullyOnSigterm() throws Exception {
        List<String> command = new ArrayList<>(Runner.javaCommand());
        command.addAll(List.of(Lab.class.getName(), "serve", "--server", "jdk-virtual", "--port", "0"));
        Process serve = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertThat(first).startsWith("jdk-virtual listening on http://127.0.0.1:").contains("a virtual thread per request");
            StringBuilder rest = new StringBuilder();
            Thread reader = Thread.ofPlatform().start(() -> out.lines().forEach(line -> rest.append(line).append('\n')));
            Matcher port = Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(first);
            assertThat(port.find()).isTrue();
            try (HttpClient client = HttpClient.newHttpClient()) {
                HttpResponse<String> io = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.group(1) + "/io?ms=20")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(io.statusCode()).isEqualTo(200);
                assertThat(io.body()).isEqualTo("io 20 ms: 16 bytes\n");
            }
            serve.toHandle().destroy(); // SIGTERM, as `kill` or a service manager sends (Process.destroy would also close our pipes)
            assertThat(serve.waitFor(20, TimeUnit.SECONDS)).isTrue();
            reader.join(5_000);
            assertThat(rest.toString()).contains("jdk-virtual stopped").doesNotContain("Exception");
        } finally {
            serve.destroyForcibly();
        }
    }

    @Test
    void serversShowsTheThreadBoundServerSaturateWhileTheVirtualOneKeepsUp(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("servers.json");
        // /sleep?ms=100 on 2 platform threads: at most 2 / 0.1 s = 20 requests/s. At 40/s it must fall behind.
        LabCliTest.Ran ran = LabCliTest.lab("servers", "--servers", "jdk-platform,jdk-virtual", "--threads", "2",
                "--endpoint", "sleep", "--ms", "100", "--rates", "10,40", "--duration", "3s", "--warmup", "8s",
                "--slo", "500ms", "--json", json.toString());

        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("GET /sleep?ms=100").contains("jdk-platform (2 threads)").contains("bound/s")
                .contains("gen late").contains("gen cpu s").contains("steady");
        assertThat(ran.err()).containsPattern("jdk-virtual: (steady|NOT steady) after \\d+ s of warm-up up to 10/s");
        JsonNode rows = new ObjectMapper().readTree(json.toFile());
        assertThat(rows).hasSize(4);
        JsonNode platformAt40 = row(rows, "jdk-platform", 40);
        JsonNode virtualAt40 = row(rows, "jdk-virtual", 40);
        assertThat(platformAt40.get("boundPerSec").asDouble()).isEqualTo(20.0);
        assertThat(platformAt40.get("achievedPerSec").asDouble()).isLessThan(28);
        assertThat(platformAt40.get("latencyMicros").get("p99").asLong()).isGreaterThan(500_000);
        assertThat(virtualAt40.get("achievedPerSec").asDouble()).isGreaterThan(32);
        assertThat(virtualAt40.get("latencyMicros").get("p99").asLong()).isLessThan(500_000);
        // On a busy shared machine the generator may send a few requests late: that row is then INVALID for the
        // generator's sake, never for the server's.
        assertThat(virtualAt40.get("faults")).allSatisfy(f -> assertThat(f.asText()).isEqualTo("generator"));
        // 10/s is 30 requests: one sent late by the generator makes that row INVALID (over 1% late), so the
        // platform server's entry may be "10/s" or "none of the rates"; never 40/s, which is over its bound.
        String virtualBest = virtualAt40.get("valid").asBoolean() ? "40/s" : "(10/s|none of the rates)";
        assertThat(ran.out()).containsPattern("Highest rate with p99 under 500 ms \\(and a valid run\\): "
                + "jdk-platform \\(2 threads\\) (10/s|none of the rates), jdk-virtual " + virtualBest + "\\.");
        for (JsonNode r : rows) {
            assertThat(r.get("endpoint").asText()).isEqualTo("sleep");
            assertThat(r.get("late").asLong()).isEqualTo(r.get("lateNoConnection").asLong() + r.get("lateGenerator").asLong());
            assertThat(r.get("steady").isBoolean()).isTrue();
            assertThat(r.get("warmupMillis").asLong()).as("the 8 s cap, with room for a busy machine").isBetween(2_000L, 14_000L);
            assertThat(r.get("generatorCpuMillis").asLong()).isPositive();
            assertThat(r.get("generatorMaxGcPauseMillis").asLong()).isNotNegative();
        }
        assertThat(virtualAt40.get("serverCpuMillis").asLong()).isPositive();
        assertThat(virtualAt40.get("serverRssMb").asLong()).isPositive();
        assertThat(virtualAt40.get("serverPeakThreads").asLong()).isPositive();
        assertThat(virtualAt40.get("env").get("cores").asInt()).isPositive();
    }

    private static JsonNode row(JsonNode rows, String server, double rate) {
        for (JsonNode r : rows) {
            if (r.get("server").asText().equals(server) && r.get("targetPerSec").asDouble() == rate) {
                return r;
            }
        }
        throw new AssertionError("no row for " + server + " at " + rate + "/s in " + rows);
    }
}
