package dev.tva.workloads;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SteadyStateTest {
    private static final SteadyState RULE = new SteadyState(Duration.ofSeconds(1), 2, 0.05, 20);

    /** Feeds the windows one by one, as a run closes them; returns how many it took to settle, or -1. */
    private static int settlesAfter(double... perSec) {
        List<Double> seen = new ArrayList<>();
        for (double w : perSec) {
            seen.add(w);
            if (RULE.settled(seen)) {
                return seen.size();
            }
            if (RULE.capped(seen.size())) {
                return -1;
            }
        }
        return -1;
    }

    @Test
    void aFlatSeriesSettlesAsSoonAsTwoBlocksCanBeCompared() {
        assertThat(settlesAfter(1000, 1010, 995, 1005, 1000)).isEqualTo(4);
    }

    @Test
    void aRampThenAPlateauSettlesOnlyOnThePlateau() {
        // The ramp (slots starting) and a JIT compiling: each window well above the one before, then flat.
        assertThat(settlesAfter(200, 600, 800, 900, 960, 1000, 1000, 1005, 1000)).isEqualTo(8);
    }

    @Test
    void aSlowClimbThatNeighbouringWindowsWouldPassIsNotSteady() {
        // +4% a window: any two neighbours are within 5%, but two blocks of two are 8% apart.
        double[] climb = new double[12];
        for (int i = 0; i < climb.length; i++) {
            climb[i] = 1000 * Math.pow(1.04, i);
        }
        assertThat(settlesAfter(climb)).isEqualTo(-1);
    }

    @Test
    void windowsInWhichNothingCompletedAreNotSteady() {
        // 10,000 connections still being opened: no task completes for a while, then the run gets going.
        assertThat(settlesAfter(0, 0, 0, 0, 0, 3000, 5000, 5100, 5050, 5080)).isEqualTo(10);
    }

    @Test
    void aSeriesThatNeverSettlesHitsTheCap() {
        // Still climbing (a JIT that keeps compiling, a cache still filling) after more windows than the cap.
        double[] climbing = new double[25];
        for (int i = 0; i < climbing.length; i++) {
            climbing[i] = 1000 + 100.0 * i * i;
        }
        assertThat(settlesAfter(climbing)).isEqualTo(-1);
        assertThat(RULE.capped(20)).isTrue();
        assertThat(RULE.capped(19)).isFalse();
    }

    @Test
    void settlingLateIsStillSettling() {
        // Noisy for 10 windows, then flat: settles once both blocks lie in the flat part.
        assertThat(settlesAfter(500, 900, 700, 1100, 600, 1000, 800, 1200, 700, 1000,
                2000, 2010, 1990, 2000)).isEqualTo(14);
    }

    @Test
    void theCapIsCountedInWindowsOfTheGivenLength() {
        SteadyState rule = SteadyState.of(Duration.ofMillis(500), Duration.ofSeconds(6));

        assertThat(rule.maxWarmupWindows()).isEqualTo(12);
        assertThat(SteadyState.of(Duration.ofSeconds(1), Duration.ZERO).capped(0)).isTrue();
        assertThatThrownBy(() -> new SteadyState(Duration.ZERO, 2, 0.05, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDifferenceWithinTheFiguresResolutionIsNotATrend() {
        // 10 ms CPU ticks over 20 answers a window: CPU per answer moves in steps of 500 us.
        List<Double> cpuMicrosPerAnswer = List.of(500.0, 1_000.0, 500.0, 500.0);

        assertThat(RULE.settled(cpuMicrosPerAnswer)).isFalse();
        assertThat(RULE.settled(cpuMicrosPerAnswer, 500)).isTrue();
        assertThat(RULE.settled(List.of(0.0, 0.0, 0.0, 0.0), 500)).as("zero within the clock's resolution").isTrue();
        assertThat(RULE.settled(List.of(2_000.0, 1_500.0, 500.0, 500.0), 500)).as("a fall wider than one step").isFalse();
    }

    @Test
    void aMissingFigureNeverSettles() {
        assertThat(RULE.settled(List.of(100.0, 100.0, Double.NaN, 100.0), 10)).isFalse();
    }
}
