package dev.tva.course.sizethepool;

import dev.tva.threads.ThreadModel;
import dev.tva.workloads.Client;
import dev.tva.workloads.Workload;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The open model does not wait for a full pool: the arrivals keep their rate, the queue shows in the latency, and what was not answered counts. */
class OpenLoadTest {
    private static final Workload SLEEP_20_MS = new Workload.Sleep(20);

    @Test
    void aPoolWithRoomAnswersEveryTaskInAboutItsWait() {
        try (ThreadModel pool = ThreadModel.platform(20, null, Client.LEAN, Duration.ofSeconds(5))) {
            OpenLoad.Outcome run = OpenLoad.run(pool, SLEEP_20_MS, 200, Duration.ZERO, Duration.ofMillis(500), Duration.ofMillis(500));

            assertThat(run.asked()).isEqualTo(100);
            assertThat(run.answered()).isEqualTo(100);
            assertThat(run.failed()).isZero();
            assertThat(run.latencyMicros().p50()).as("about the 20 ms wait").isBetween(19_000L, 200_000L);
        }
    }

    @Test
    void aPoolOfOneQueuesTheArrivalsAndTheUnansweredCountWithTheirAge() {
        try (ThreadModel pool = ThreadModel.platform(1, null, Client.LEAN, Duration.ofSeconds(5))) {
            // One thread serves at most 50 tasks/s of 20 ms; 200/s arrive for 0.5 s: at most 0.6 s x 50 = 30 of the 100 are answered.
            OpenLoad.Outcome run = OpenLoad.run(pool, SLEEP_20_MS, 200, Duration.ZERO, Duration.ofMillis(500), Duration.ofMillis(100));

            assertThat(run.asked()).isEqualTo(100);
            assertThat(run.answered()).isBetween(5, 31);
            assertThat(run.answeredPerSec()).isLessThan(63);
            assertThat(run.latencyMicros().max()).as("the first task waited only its 20 ms, the last from 0.5 s to the end at 0.6 s")
                    .isGreaterThan(90_000L);
            assertThat(run.latencyMicros().p99()).isGreaterThan(300_000L);
        }
    }
}
