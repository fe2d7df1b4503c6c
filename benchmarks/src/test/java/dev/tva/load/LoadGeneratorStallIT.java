package dev.tva.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/*
 * The coordinated-omission lesson, asserted. The server answers at once, except for one known stall:
 * for 1 s in the middle of a 4 s run it holds every request that arrives, then answers them all.
 *
 * Open model at 200/s: the 200 requests due during the stall wait up to 1 s each, and their latency
 * counts from when they were due, so p99 and max both show the stall (about 1 s).
 *
 * Closed model with 4 connections: during the stall the 4 connections each wait on one request and send
 * nothing else, so only 4 of thousands of latencies see the stall: max still shows it, p99 does not.
 * Same server, same stall: the closed model's p99 is a small fraction of the open model's.
 *
 * Run it: ./mvnw -o -pl benchmarks verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=LoadGeneratorStallIT
 * A real run (Temurin 25.0.3, 2 cores shared with other builds; generator and server in one JVM):
 *   stall of 1 s: open p50 1493 us, p99 980479 us, max 1024511 us (800 requests);
 *                 closed p50 69 us, p99 362 us, max 1001983 us (126196 requests)
 */
class LoadGeneratorStallIT {
    private static final Duration STALL_AFTER = Duration.ofMillis(1_500);
    private static final Duration STALL = Duration.ofSeconds(1);
    private static final Duration RUN = Duration.ofSeconds(4);

    @Test
    void theOpenModelShowsTheStallInP99AndTheClosedModelHidesItBehindFewSamples() {
        LoadResult open;
        try (TestServer server = TestServer.stalling(STALL_AFTER, STALL)) {
            open = LoadGenerator.run(LoadSettings.open(server.uri("/"), 200, RUN), p -> { });
        }
        LoadResult closed;
        try (TestServer server = TestServer.stalling(STALL_AFTER, STALL)) {
            closed = LoadGenerator.run(LoadSettings.closed(server.uri("/"), 4, RUN), p -> { });
        }

        System.out.printf("stall of 1 s: open p50 %d us, p99 %d us, max %d us (%d requests); closed p50 %d us, p99 %d us, max %d us (%d requests)%n",
                open.latencyMicros().p50(), open.latencyMicros().p99(), open.latencyMicros().max(), open.completed(),
                closed.latencyMicros().p50(), closed.latencyMicros().p99(), closed.latencyMicros().max(), closed.completed());

        // Open: about a quarter of the requests were due during the stall; the worst waited about 1 s.
        assertThat(open.errors()).as(open.toString()).isZero();
        assertThat(open.timeouts()).isZero();
        assertThat(open.latencyMicros().p99()).as("open p99").isGreaterThanOrEqualTo(700_000);
        assertThat(open.latencyMicros().max()).as("open max").isGreaterThanOrEqualTo(900_000);
        assertThat(open.latencyMicros().p50()).as("open p50: most requests missed the stall").isLessThan(300_000);

        // Closed: only the 4 requests in flight when the stall began saw it.
        assertThat(closed.errors()).as(closed.toString()).isZero();
        assertThat(closed.completed()).as("enough closed samples that 4 stalled ones are under 1%").isGreaterThan(1_000);
        assertThat(closed.latencyMicros().max()).as("closed max still shows the stall").isGreaterThanOrEqualTo(700_000);
        assertThat(closed.latencyMicros().p99()).as("closed p99 hides the stall")
                .isLessThan(open.latencyMicros().p99() / 3);
        assertThat(closed.latencyFrom()).isEqualTo(LoadResult.FROM_SEND);
        assertThat(closed.targetPerSec()).isNull();
    }
}
