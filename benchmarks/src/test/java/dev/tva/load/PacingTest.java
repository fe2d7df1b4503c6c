package dev.tva.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PacingTest {
    @Test
    void oneStepIsTheFixedRateSchedule() {
        Pacing p = new Pacing(List.of(new RateStep(1_000, Duration.ofSeconds(2))));
        assertThat(p.offsetNanos(0)).isZero();
        assertThat(p.offsetNanos(1)).isEqualTo(1_000_000);
        assertThat(p.offsetNanos(1_999)).isEqualTo(1_999_000_000L);
        assertThat(p.offsetNanos(2_000)).as("the first index past the step is due at its end").isEqualTo(2_000_000_000L);
    }

    @Test
    void aSecondStepStartsWhenTheFirstEndsAtItsOwnRate() {
        // 4 requests in 2 s at 2/s, then 10/s: request 4 is due at 2 s, request 5 at 2.1 s.
        Pacing p = new Pacing(List.of(new RateStep(2, Duration.ofSeconds(2)), new RateStep(10, Duration.ofSeconds(1))));
        assertThat(p.offsetNanos(3)).isEqualTo(1_500_000_000L);
        assertThat(p.offsetNanos(4)).isEqualTo(2_000_000_000L);
        assertThat(p.offsetNanos(5)).isEqualTo(2_100_000_000L);
        assertThat(p.offsetNanos(13)).isEqualTo(2_900_000_000L);
        assertThat(p.offsetNanos(14)).as("past the last step: its end").isEqualTo(3_000_000_000L);
    }

    @Test
    void aStepWhoseLengthIsNotAWholeNumberOfGapsEndsWithTheFirstRequestDuePastIt() {
        // 3/s for 1 s: due at 0, 1/3 and 2/3 s; the next step's first request is due at 1 s, not at 4/3 s.
        Pacing p = new Pacing(List.of(new RateStep(3, Duration.ofSeconds(1)), new RateStep(1, Duration.ofSeconds(1))));
        assertThat(p.offsetNanos(2)).isEqualTo(666_666_666L);
        assertThat(p.offsetNanos(3)).isEqualTo(1_000_000_000L);
    }

    @Test
    void theWarmUpStepsUpFromAQuarterOfTheRate() {
        LoadSettings s = LoadSettings.open(java.net.URI.create("http://127.0.0.1:8080/"), 400, Duration.ofSeconds(1))
                .withWarmup(Duration.ofSeconds(2));
        assertThat(OpenDriver.warmupSteps(s)).containsExactly(new RateStep(100, Duration.ofMillis(500)),
                new RateStep(200, Duration.ofMillis(500)), new RateStep(400, Duration.ofSeconds(1)));
        assertThat(OpenDriver.warmupSteps(s.withWarmup(Duration.ZERO))).isEmpty();
    }
}
