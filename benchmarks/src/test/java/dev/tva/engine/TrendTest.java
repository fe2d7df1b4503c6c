package dev.tva.engine;

import dev.tva.workloads.LatencySummary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The soak trend rule on synthetic samples: a flat figure, a steady leak, a passing hump, noise, and a figure not measured. */
class TrendTest {
    private static final int SAMPLES = 60; // 10 minutes, a sample every 10 s

    @Test
    void aFlatHeapIsFlatWithNoChange() {
        Trend heap = Trend.of(SoakFigure.HEAP_AFTER_GC, samples(i -> 100 * 1024, i -> 200, i -> 300)).orElseThrow();

        assertThat(heap.verdict()).isEqualTo(Trend.Verdict.FLAT);
        assertThat(heap.change()).isZero();
        assertThat(heap.median()).isEqualTo(100.0);
        assertThat(heap.allowed()).as("16 MiB beats 10% of 100 MiB").isEqualTo(16.0);
        assertThat(heap.tolerance()).isEqualTo("within ±10% of the median or ±16 MiB, whichever is larger");
    }

    @Test
    void aSteadyLeakRaisesTheFloorOfTheLastThird() {
        // 1 MiB more after every 10 s. Thirds of 20 samples: the floors are samples 0 and 40, so 40 MiB apart.
        Trend heap = Trend.of(SoakFigure.HEAP_AFTER_GC, samples(i -> (100 + i) * 1024L, i -> 200, i -> 300)).orElseThrow();

        assertThat(heap.firstFloor()).isEqualTo(100.0);
        assertThat(heap.lastFloor()).isEqualTo(140.0);
        assertThat(heap.change()).isEqualTo(40.0);
        assertThat(heap.verdict()).isEqualTo(Trend.Verdict.GROWING);
    }

    @Test
    void leakingSocketsGrowAndClosingThemShrinks() {
        Trend growing = Trend.of(SoakFigure.OPEN_FDS, samples(i -> 100 * 1024, i -> 200, i -> 300 + i / 5)).orElseThrow();
        Trend shrinking = Trend.of(SoakFigure.OPEN_FDS, samples(i -> 100 * 1024, i -> 200, i -> 400 - i)).orElseThrow();

        assertThat(growing.change()).as("floors 300 and 308").isEqualTo(8.0);
        assertThat(growing.verdict()).as("beyond max(2%% of 306, 4, 2 × 0.25 in flight)").isEqualTo(Trend.Verdict.GROWING);
        assertThat(shrinking.change()).as("floors 381 and 341").isEqualTo(-40.0);
        assertThat(shrinking.verdict()).isEqualTo(Trend.Verdict.SHRINKING);
    }

    @Test
    void connectionsThatComeAndGoAreFlatWhileConnectionsThatStayAreNot() {
        // 25 more descriptors from sample 30 to 44 (a late stretch of slow answers), then back to where they were.
        Trend hump = Trend.of(SoakFigure.OPEN_FDS, samples(i -> 100 * 1024, i -> 200, i -> i >= 30 && i < 45 ? 170 : 145)).orElseThrow();
        // The same 25, never closed.
        Trend step = Trend.of(SoakFigure.OPEN_FDS, samples(i -> 100 * 1024, i -> 200, i -> i >= 30 ? 170 : 145)).orElseThrow();

        assertThat(hump.change()).isZero();
        assertThat(hump.verdict()).isEqualTo(Trend.Verdict.FLAT);
        assertThat(step.change()).isEqualTo(25.0);
        assertThat(step.verdict()).isEqualTo(Trend.Verdict.GROWING);
    }

    @Test
    void openDescriptorsMayFollowTheRequestsInFlightButNotALeak() {
        // 1,000 answers a second at a median of 52 ms: 52 requests in flight, so 104 descriptors tolerated.
        Trend keptForTheLoad = Trend.of(SoakFigure.OPEN_FDS, samples(i -> 100 * 1024, i -> 200, i -> i >= 30 ? 139 : 130, 1_000, 52)).orElseThrow();
        // One socket in a thousand requests never closed: 10 more every 10 s.
        Trend leak = Trend.of(SoakFigure.OPEN_FDS, samples(i -> 100 * 1024, i -> 200, i -> 130 + 10L * i, 1_000, 52)).orElseThrow();

        assertThat(keptForTheLoad.inFlight()).isCloseTo(52.0, within(1e-9));
        assertThat(keptForTheLoad.allowed()).isCloseTo(104.0, within(1e-9));
        assertThat(keptForTheLoad.change()).isEqualTo(9.0);
        assertThat(keptForTheLoad.verdict()).isEqualTo(Trend.Verdict.FLAT);
        assertThat(keptForTheLoad.tolerance()).isEqualTo("within ±2% of the median, ±4 or ±2 per request in flight (rate × median latency), whichever is larger");
        assertThat(leak.change()).as("floors 130 and 530").isEqualTo(400.0);
        assertThat(leak.verdict()).isEqualTo(Trend.Verdict.GROWING);
        assertThat(Trend.of(SoakFigure.HEAP_AFTER_GC, samples(i -> 100 * 1024, i -> 200, i -> 300, 1_000, 52)).orElseThrow().allowed())
                .as("heap's tolerance does not follow the load").isEqualTo(16.0);
    }

    @Test
    void noiseAroundAFlatLineIsFlatWhileTheSameNoiseOnALeakIsNot() {
        Random random = new Random(42);
        long[] noise = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            noise[i] = Math.round(random.nextGaussian() * 4 * 1024); // ±4 MiB (one sigma): what was in flight at the GC
        }
        Trend flat = Trend.of(SoakFigure.HEAP_AFTER_GC, samples(i -> 100 * 1024 + noise[i], i -> 200, i -> 300)).orElseThrow();
        // 1 KiB per request at 100/s: 1,000 KiB per 10 s, about 39 MiB between the thirds' floors.
        Trend leak = Trend.of(SoakFigure.HEAP_AFTER_GC, samples(i -> 100 * 1024 + noise[i] + i * 1000L, i -> 200, i -> 300)).orElseThrow();

        assertThat(flat.verdict()).as("change %.1f MiB", flat.change()).isEqualTo(Trend.Verdict.FLAT);
        assertThat(leak.verdict()).as("change %.1f MiB", leak.change()).isEqualTo(Trend.Verdict.GROWING);
    }

    @Test
    void oneHighSampleAtTheEndDoesNotMoveTheFloor() {
        Trend threads = Trend.of(SoakFigure.JVM_THREADS, samples(i -> 100 * 1024, i -> i == SAMPLES - 1 ? 210 : 200, i -> 300)).orElseThrow();

        assertThat(threads.change()).isZero();
        assertThat(threads.verdict()).isEqualTo(Trend.Verdict.FLAT);
    }

    @Test
    void aFigureNotMeasuredOrAHeapNeverCollectedIsNotJudged() {
        List<SoakSample> noAttach = samples(i -> -1, i -> 200, i -> 300);
        List<SoakSample> noGc = new ArrayList<>();
        for (SoakSample s : samples(i -> (100 + i) * 1024L, i -> 200, i -> 300)) {
            ServerProbe.Sample p = s.server();
            noGc.add(new SoakSample(s.elapsedMillis(), new ServerProbe.Sample(p.rssKib(), p.heapAfterGcKib(), p.jvmThreads(), p.osThreads(),
                    p.openFds(), 7), s.latencyMicros(), s.answered(), s.errors(), s.timeouts()));
        }

        assertThat(Trend.of(SoakFigure.HEAP_AFTER_GC, noAttach)).isEmpty();
        assertThat(Trend.of(SoakFigure.HEAP_AFTER_GC, noGc)).isEmpty();
        assertThat(Trend.of(SoakFigure.RSS, noGc)).isPresent();
        assertThat(Trend.of(SoakFigure.RSS, noGc.subList(0, 1))).as("one sample has no thirds").isEmpty();
    }

    /**
     * Samples every 10 s with the given heap after GC (KiB), JVM threads and FDs; RSS 300 MiB, one GC per sample,
     * 5 answers a second at a median of 50 ms (a quarter of a request in flight).
     */
    private static List<SoakSample> samples(IntToLongFunction heapKib, IntToLongFunction threads, IntToLongFunction fds) {
        return samples(heapKib, threads, fds, 5, 50);
    }

    private static List<SoakSample> samples(IntToLongFunction heapKib, IntToLongFunction threads, IntToLongFunction fds, int perSec, long p50Millis) {
        List<SoakSample> samples = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            samples.add(new SoakSample((i + 1) * 10_000L,
                    new ServerProbe.Sample(300 * 1024, heapKib.applyAsLong(i), threads.applyAsLong(i), threads.applyAsLong(i) + 16,
                            fds.applyAsLong(i), i + 1), new LatencySummary(p50Millis * 1000, p50Millis * 1100, p50Millis * 1200, p50Millis * 1400, p50Millis * 1600),
                    perSec * 10L, 0, 0));
        }
        return samples;
    }
}
