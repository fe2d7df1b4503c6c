package dev.tva.report;

import dev.tva.engine.SlowlorisResult.Sample;
import dev.tva.report.SlowlorisVerdict.Holds;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The verdict follows from the thread counts, fed here with synthetic samples. */
class SlowlorisVerdictTest {
    private static final Sample IDLE = new Sample(30, 0, 0, 0, 110);

    @Test
    void aPlatformThreadPerConnectionIsPlatformThread() {
        assertThat(SlowlorisVerdict.holds(200, IDLE, new Sample(229, 0, 197, 0, 145))).isEqualTo(Holds.PLATFORM_THREAD);
    }

    @Test
    void aFullPoolStillCountsThoughItHoldsFewerThreadsThanConnections() {
        // 500 connections, a pool of 200: the pool is what runs out.
        assertThat(SlowlorisVerdict.holds(500, IDLE, new Sample(230, 0, 200, 0, 150))).isEqualTo(Holds.PLATFORM_THREAD);
    }

    @Test
    void parkedVirtualThreadsWithoutNewPlatformThreadsAreVirtualThread() {
        assertThat(SlowlorisVerdict.holds(200, IDLE, new Sample(32, 200, 0, 200, 130))).isEqualTo(Holds.VIRTUAL_THREAD);
    }

    @Test
    void noThreadBeyondNoiseIsBuffer() {
        // Two more platform threads (a timer, a GC worker) out of 200 connections are noise.
        assertThat(SlowlorisVerdict.holds(200, IDLE, new Sample(32, 1, 0, 0, 121))).isEqualTo(Holds.BUFFER);
    }

    @Test
    void oneConnectionThatHoldsOneThreadIsNotNoise() {
        assertThat(SlowlorisVerdict.holds(1, IDLE, new Sample(30, 1, 0, 1, 110))).isEqualTo(Holds.VIRTUAL_THREAD);
    }

    @Test
    void theSentenceStatesTheComputedDifferences() {
        String sentence = SlowlorisVerdict.sentence("netty", 200, Holds.BUFFER, IDLE, new Sample(30, 0, 0, 0, 114));
        assertThat(sentence).startsWith("netty: 200 slowloris connections held no thread (+0 platform, +0 virtual) and +4 MiB");
    }
}
