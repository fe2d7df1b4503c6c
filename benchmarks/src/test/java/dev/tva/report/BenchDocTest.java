package dev.tva.report;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rendered text states a ratio between two JMH scores only where their intervals separate. */
class BenchDocTest {

    /*
     * The fixture is JMH JSON with two pairs: synchronizedCounter 100 ± 20 ns vs 120 ± 20 ns (the intervals
     * overlap at 100..120) and reentrantLockCounter 27.5 ± 2.5 ns vs 50 ± 5 ns (25..30 and 45..55: apart).
     */
    private static List<String> noticeLines() throws Exception {
        Path fixture = Path.of(BenchDocTest.class.getResource("/bench-doc/lock-contention-two-pairs.json").toURI());
        return BenchDoc.render(fixture, null).lines().filter(l -> l.startsWith("- `") || l.startsWith("- Public")).toList();
    }

    @Test
    void theSeparatedPairGetsARatio() throws Exception {
        assertThat(noticeLines()).contains(
                "- `reentrantLockCounter`, 8 threads, one shared counter: 27.5 ± 2.50 ns per increment on platform threads, "
                        + "50.0 ± 5.00 ns on virtual threads: virtual was 1.8x slower.",
                "- Public results report virtual threads far slower under no-back-off contention. Not reproduced on this JDK and "
                        + "machine: the largest measurable gap is 1.8x (virtual / platform time per increment).");
    }

    @Test
    void theOverlappingPairGetsNoRatioOnlyNoMeasurableDifference() throws Exception {
        String line = noticeLines().stream().filter(l -> l.contains("`synchronizedCounter`")).findFirst().orElseThrow();

        assertThat(line).isEqualTo("- `synchronizedCounter`, 8 threads, one shared counter: 100 ± 20.0 ns per increment on platform "
                + "threads, 120 ± 20.0 ns on virtual threads: no measurable difference (the intervals overlap).");
        assertThat(line).doesNotContain("1.2x").doesNotContain("slower").doesNotContain("faster");
    }
}
