package dev.tva.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** The recovery rule, on synthetic timelines: 10 s at twice the capacity, then 10 s at half, SLO 100 ms. */
class RecoveryTest {
    private static final Duration SLO = Duration.ofMillis(100);
    private static final int DROP = 10;
    private static final int END = 20;

    /** Seconds 1..n, each with its p99 in ms; a negative p99 is a second with no answer at all. */
    private static List<Recovery.Second> timeline(long... p99Millis) {
        List<Recovery.Second> seconds = new ArrayList<>();
        for (int i = 0; i < p99Millis.length; i++) {
            long p99 = p99Millis[i];
            seconds.add(new Recovery.Second(i + 1, p99 < 0 ? 0 : 100, Math.max(0, p99) * 1000, 0));
        }
        return seconds;
    }

    @Test
    void recoveryCountsFromTheDropToTheFirstSecondThatStaysUnderTheSlo() {
        // Under the SLO again from second 15 on: second 15 starts 4 s after the drop at 10 s.
        List<Recovery.Second> t = timeline(50, 300, 900, 1500, 2000, 2000, 2000, 2000, 2000, 2000,
                1800, 900, 400, 150, 60, 55, 52, 51, 50, 50);

        assertThat(Recovery.seconds(t, DROP, END, SLO)).hasValue(4);
        assertThat(Recovery.verdict(true, Recovery.seconds(t, DROP, END, SLO))).isEqualTo(Recovery.Verdict.RECOVERED);
    }

    @Test
    void aSecondUnderTheSloThatDoesNotLastIsNotRecovery() {
        // Good at 12, bad again at 13: recovery starts only at 16 (5 s after the drop).
        List<Recovery.Second> t = timeline(50, 900, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000,
                500, 80, 400, 200, 101, 90, 60, 50, 50, 50);

        assertThat(Recovery.seconds(t, DROP, END, SLO)).hasValue(5);
    }

    @Test
    void aServerStillOverTheSloAtTheEndNeverRecovered() {
        List<Recovery.Second> t = timeline(50, 900, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000,
                2000, 1900, 1500, 900, 400, 200, 90, 60, 50, 250);

        assertThat(Recovery.seconds(t, DROP, END, SLO)).isEmpty();
        assertThat(Recovery.verdict(true, OptionalInt.empty())).isEqualTo(Recovery.Verdict.SLOW);
    }

    @Test
    void goodOnlyInTheLastTwoSecondsIsNotYetShownToStay() {
        List<Recovery.Second> t = timeline(50, 900, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000,
                2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 60, 50);

        assertThat(Recovery.seconds(t, DROP, END, SLO)).isEmpty();
    }

    @Test
    void timeoutsOrErrorsOrSilenceInASecondMakeItBadWhateverItsP99() {
        List<Recovery.Second> t = new ArrayList<>(timeline(50, 900, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000,
                60, 60, -1, 60, 60, 60, 60, 60, 60, 60));
        t.set(15, new Recovery.Second(16, 100, 60_000, 3)); // 3 timeouts counted in second 16

        assertThat(Recovery.seconds(t, DROP, END, SLO)).as("bad at 13 (no answer) and 16 (timeouts): good from 17").hasValue(6);
    }

    @Test
    void aServerThatNeverLeftTheSloRecoversAtOnceAndSecondsAfterTheEndDoNotCount() {
        List<Recovery.Second> t = new ArrayList<>(timeline(50, 50, 50, 50, 50, 50, 50, 50, 50, 50,
                50, 50, 50, 50, 50, 50, 50, 50, 50, 50));
        t.add(new Recovery.Second(21, 1, 5_000_000, 40)); // draining after the last request was due

        assertThat(Recovery.seconds(t, DROP, END, SLO)).hasValue(0);
    }

    @Test
    void recoveryLaterThanTenSecondsIsSlowAndADeadServerCrashedWhateverTheTimeline() {
        assertThat(Recovery.verdict(true, OptionalInt.of(10))).isEqualTo(Recovery.Verdict.RECOVERED);
        assertThat(Recovery.verdict(true, OptionalInt.of(11))).isEqualTo(Recovery.Verdict.SLOW);
        assertThat(Recovery.verdict(false, OptionalInt.of(0))).isEqualTo(Recovery.Verdict.CRASHED);
    }

    @Test
    void theLastSecondMayBeUnreportedWhenEveryAnswerCameInBeforeIt() {
        List<Recovery.Second> t = timeline(50, 900, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000,
                2000, 80, 60, 60, 60, 60, 60, 60, 60);

        assertThat(Recovery.seconds(t, DROP, END, SLO)).hasValue(1);
    }

    @Test
    void reportsThatStopBeforeTheEndShowNoRecovery() {
        List<Recovery.Second> t = timeline(50, 900, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 60, 60, 60, 60, 60);

        assertThat(Recovery.seconds(t, DROP, END, SLO)).isEmpty();
    }

    @Test
    void theSecondsOverTheSloAfterTheFirstReturnAreCountedWithThoseTheHostTookTheCpuIn() {
        List<Recovery.Second> t = new ArrayList<>();
        for (Recovery.Second s : timeline(50, 900, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000,
                900, 60, 150, 60, 60, 130, 60, 110, 60, 60)) {
            // Over the SLO in 11 (before the return), 13, 16 and 18. The host took 25% in 11, 13 and 16, 9.9% in 18, 40% in 19 (good).
            double steal = switch (s.second()) {
                case 11, 13, 16 -> 25;
                case 18 -> 9.9;
                case 19 -> 40;
                default -> 0;
            };
            t.add(new Recovery.Second(s.second(), s.answers(), s.p99Micros(), s.failures(), steal, null));
        }

        Recovery.Relapses relapses = Recovery.relapses(t, DROP, END, SLO);

        assertThat(relapses).as("11 is before the server was first back, at 12").isEqualTo(new Recovery.Relapses(3, 2, true));
        assertThat(relapses.mostlyStolen()).isTrue();
        assertThat(Recovery.relapses(t, DROP, 17, SLO)).as("seconds after the end do not count").isEqualTo(new Recovery.Relapses(2, 2, true));
        assertThat(Recovery.seconds(t, DROP, END, SLO)).as("the rule itself is unchanged: over at 18, two good seconds after it").isEmpty();
    }

    @Test
    void withoutStealTimeNoRelapseIsPutOnTheHostAndAServerNeverBackHasNone() {
        List<Recovery.Second> t = timeline(50, 900, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000,
                60, 60, 150, 60, 60, 130, 60, 110, 60, 60);

        Recovery.Relapses relapses = Recovery.relapses(t, DROP, END, SLO);

        assertThat(relapses).isEqualTo(new Recovery.Relapses(3, 0, false));
        assertThat(relapses.mostlyStolen()).isFalse();
        assertThat(Recovery.relapses(timeline(50, 900, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000,
                2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000), DROP, END, SLO)).isEqualTo(new Recovery.Relapses(0, 0, false));
        assertThat(new Recovery.Relapses(4, 2, true).mostlyStolen()).as("half is not most").isFalse();
    }
}
