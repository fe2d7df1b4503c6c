package dev.tva.workloads;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Two blocks of windows within 5% are steady; a slow climb is not; a coarse clock's own steps are not a trend. */
class SteadyStateTest {
    private static final SteadyState RULE = SteadyState.of(Duration.ofSeconds(1), Duration.ofSeconds(20));

    @Test
    void blocksWithinTheToleranceAreSteadyAndASlowClimbIsNot() {
        assertThat(RULE.settled(List.of(300.0, 150.0, 102.0, 100.0, 99.0, 101.0))).isTrue();
        assertThat(RULE.settled(List.of(100.0, 104.0, 108.0, 112.0))).as("each window within 5% of the last, the blocks 7% apart").isFalse();
        assertThat(RULE.settled(List.of(100.0, 100.0, 100.0))).as("fewer windows than two blocks").isFalse();
    }

    @Test
    void aDifferenceWithinTheFiguresResolutionIsNotATrend() {
        // 10 ms of CPU ticks over 20 answers a window: the figure moves in steps of 500 us per answer.
        List<Double> cpuMicrosPerAnswer = List.of(500.0, 1_000.0, 500.0, 500.0);

        assertThat(RULE.settled(cpuMicrosPerAnswer)).isFalse();
        assertThat(RULE.settled(cpuMicrosPerAnswer, 500)).isTrue();
        assertThat(RULE.settled(List.of(2_000.0, 1_500.0, 500.0, 500.0), 500)).as("a fall wider than one step").isFalse();
    }

    @Test
    void aMissingFigureNeverSettles() {
        assertThat(RULE.settled(List.of(100.0, 100.0, Double.NaN, 100.0), 10)).isFalse();
    }
}
