package dev.tva.report;

import dev.tva.engine.Footprint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lab footprint}'s "what to notice" lines, computed from synthetic measurements. */
class FootprintDocTest {

    private static Footprint.Result parked(String model, int tasks, long rssBytes, long kernelStackBytes) {
        return new Footprint.Result(model, tasks, 0L, rssBytes, kernelStackBytes, null, null, null, null, null, 0L, null, null);
    }

    @Test
    void eachModelIsComparedWithAPlatformThreadAndWithTheTargetOf50x() {
        List<String> lines = FootprintDoc.ratios(List.of(
                parked("platform", 1_000, 20_000, 16_000),
                parked("virtual", 1_000, 3_000, 0),
                parked("event-loop", 1_000, 200, 0)));

        assertThat(lines).containsExactly(
                "at 1,000 parked tasks, a platform thread held 36,000 B (rss + kernel stack), virtual 3,000 B (12x less), "
                        + "event-loop 200 B (180x less).",
                "virtual: at least 12x less memory per parked task than a platform thread at every count measured; "
                        + "the target of 50x less is not met.",
                "event-loop: at least 180x less memory per parked task than a platform thread at every count measured; "
                        + "the target of 50x less is met.");
    }

    @Test
    void theTargetIsJudgedOnTheWorstCount() {
        List<String> lines = FootprintDoc.ratios(List.of(
                parked("platform", 1_000, 60_000, 0),
                parked("event-loop", 1_000, 600, 0),
                parked("platform", 10_000, 40_000, 0),
                parked("event-loop", 10_000, 1_000, 0)));

        assertThat(lines).last().isEqualTo("event-loop: at least 40x less memory per parked task than a platform thread at every "
                + "count measured; the target of 50x less is not met.");
    }
}
