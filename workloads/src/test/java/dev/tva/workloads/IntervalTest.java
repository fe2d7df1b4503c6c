package dev.tva.workloads;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class IntervalTest {

    @Test
    void theIntervalIsStudentsTOverTheSamplesComputedByHand() {
        // mean 100, s = sqrt(((-2)^2 + 0 + 2^2 + (-1)^2 + 1^2) / 4) = sqrt(2.5) = 1.5811;
        // t(0.975, 4) = 2.7764; half-width = 2.7764 * 1.5811 / sqrt(5) = 1.9632
        Interval i = Interval.of(98, 100, 102, 99, 101);

        assertThat(i.mean()).isEqualTo(100.0);
        assertThat(i.halfWidth()).isCloseTo(1.9632, within(1e-4));
        assertThat(i.low()).isCloseTo(98.0368, within(1e-4));
        assertThat(i.high()).isCloseTo(101.9632, within(1e-4));
        assertThat(i.relativeHalfWidth()).isCloseTo(0.019632, within(1e-6));
        assertThat(i.n()).isEqualTo(5);
    }

    @Test
    void twoSamplesUseTheWideTOfOneDegreeOfFreedom() {
        // s = sqrt(2) * 5 = 7.0711; t(0.975, 1) = 12.7062; half-width = 12.7062 * 7.0711 / sqrt(2) = 63.531
        Interval i = Interval.of(95, 105);

        assertThat(i.halfWidth()).isCloseTo(63.531, within(1e-3));
    }

    @Test
    void oneSampleHasNoIntervalAndSeparatesFromNothing() {
        Interval one = Interval.of(42);

        assertThat(one.known()).isFalse();
        assertThat(one.low()).isNaN();
        assertThat(one.separatesFrom(Interval.of(1, 1.1, 0.9))).isFalse();
    }

    @Test
    void intervalsSeparateOnlyWhenTheyShareNoPoint() {
        Interval low = new Interval(10, 9, 11, 5);
        Interval touching = new Interval(12, 11, 13, 5);
        Interval apart = new Interval(13, 12, 14, 5);

        assertThat(low.separatesFrom(touching)).isFalse();
        assertThat(low.separatesFrom(apart)).isTrue();
        assertThat(apart.separatesFrom(low)).isTrue();
    }
}
