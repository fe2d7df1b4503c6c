package dev.tva.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** A difference between two JMH scores is measurable only when their intervals do not overlap. */
class ScoreTest {

    private static Score us(double mean, double error) {
        return new Score(mean, error, "us/op");
    }

    @Test
    void overlappingIntervalsDoNotSeparate() {
        // The Spawn figures that once read "7.2x faster": 42.7 ± 20.0 us and 306 ± 303 us.
        Score virtual = us(42.7, 20.0);
        Score platform = us(306, 303);

        assertThat(virtual.separatesFrom(platform)).isFalse();
        assertThat(platform.separatesFrom(virtual)).isFalse();
    }

    @Test
    void separatedIntervalsSeparateBothWays() {
        Score virtual = us(1.20, 0.64);
        Score platform = us(43.0, 5.6);

        assertThat(virtual.separatesFrom(platform)).isTrue();
        assertThat(platform.separatesFrom(virtual)).isTrue();
        assertThat(platform.ratio(virtual)).isCloseTo(35.8, within(0.1));
        assertThat(virtual.ratio(platform)).isCloseTo(1 / 35.8, within(0.001));
    }

    @Test
    void intervalsThatTouchAtOneEndDoNotSeparate() {
        assertThat(us(10, 2).separatesFrom(us(14, 2))).as("12 is in both").isFalse();
        assertThat(us(10, 2).separatesFrom(us(14.5, 2))).isTrue();
    }

    @Test
    void zeroErrorIsAPointThatSeparatesFromAnyOtherPointOrIntervalItIsOutside() {
        assertThat(us(10, 0).separatesFrom(us(11, 0))).isTrue();
        assertThat(us(10, 0).separatesFrom(us(10, 0))).as("the same point").isFalse();
        assertThat(us(10, 0).separatesFrom(us(11, 1))).as("on the interval's end").isFalse();
        assertThat(us(10, 0).separatesFrom(us(12, 1))).isTrue();
    }

    @Test
    void aScoreWithoutAnIntervalSeparatesFromNothing() {
        Score noInterval = us(10, Double.NaN);

        assertThat(noInterval.hasInterval()).isFalse();
        assertThat(noInterval.separatesFrom(us(1_000, 1))).isFalse();
        assertThat(us(1_000, 1).separatesFrom(noInterval)).isFalse();
    }

    @Test
    void scalingMovesTheIntervalWithTheMean() {
        Score twoCores = new Score(1_250, 23.4, "ops/s").times(2);

        assertThat(twoCores.mean()).isEqualTo(2_500);
        assertThat(twoCores.error()).isCloseTo(46.8, within(1e-9));
        assertThat(twoCores.low()).isCloseTo(2_453.2, within(1e-9));
    }

    @Test
    void scoresInDifferentUnitsAreNotCompared() {
        assertThatThrownBy(() -> us(1, 0.1).separatesFrom(new Score(1, 0.1, "ms/op")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cannot compare us/op with ms/op");
        assertThatThrownBy(() -> us(1, -0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
