package dev.tva.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Two times are compared in words only when their intervals separate: a ratio, or a percentage under 10%. */
class ScoreTextTest {

    @Test
    void fasterTimeIsEmptyForOverlapAndARatioOrPercentOtherwise() {
        assertThat(ScoreText.fasterTime(new Score(42.7, 20.0, "us/op"), new Score(306, 303, "us/op"))).isEmpty();
        assertThat(ScoreText.fasterTime(new Score(1.20, 0.64, "us/op"), new Score(43.0, 5.6, "us/op"))).contains("35.8x faster");
        assertThat(ScoreText.fasterTime(new Score(41.3, 3.43, "ns/op"), new Score(26.3, 2.50, "ns/op"))).contains("1.6x slower");
        assertThat(ScoreText.fasterTime(new Score(105, 1, "ns/op"), new Score(100, 1, "ns/op"))).contains("5% slower");
    }
}
