package dev.tva.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tva.engine.OverloadResult;
import dev.tva.engine.Recovery;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An overload run's text: the steal time of the run and of each second, what the verdict says about it, and the server's
 * open files each second.
 */
class OverloadTextTest {
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void aServerBackAndOverAgainInASecondTheHostTookIsSlowAndTheTextSaysWhy() throws Exception {
        // 3 s at twice the capacity, 6 s at half: back in second 5, over again in 7 while the host took 33%.
        OverloadResult slow = withTimeline(List.of(second(1, 900, 0), second(2, 2000, 0), second(3, 2000, 0), second(4, 400, 0),
                second(5, 60, 2), second(6, 60, 1), second(7, 121, 33), second(8, 60, 0), second(9, 60, 0)), 2.5);

        String text = OverloadText.block(slow);

        assertThat(Recovery.seconds(slow.timeline(), 3, 9, java.time.Duration.ofMillis(100))).as("over at 7: not recovered").isEmpty();
        assertThat(text).contains("^ = the host took 10%+ of the CPU")
                .contains("| 400 60 60 121^ 60 60")
                .contains("host: took 2.5% of this machine's CPU time over the run (steal time), at most 33% in a second;"
                        + " it took 10%+ in 1 of the 1 seconds over the SLO after the server was first back")
                .contains("SLOW (not back under the SLO within 10 s of the drop); it was back, and the host took the CPU in most of the"
                        + " seconds it was over again: a slow machine as much as a slow server, run it again");
    }

    @Test
    void aRelapseWithTheHostQuietIsTheServersAndARunWithoutStealTimeSaysNothingOfIt() throws Exception {
        List<Recovery.Second> quiet = List.of(second(1, 900, 0), second(2, 2000, 0), second(3, 2000, 0), second(4, 400, 0),
                second(5, 60, 2), second(6, 60, 1), second(7, 121, 3), second(8, 60, 0), second(9, 60, 0));

        String text = OverloadText.block(withTimeline(quiet, 0.7));
        assertThat(text).contains("it took 10%+ in 0 of the 1 seconds over the SLO after the server was first back")
                .contains("SLOW (not back under the SLO within 10 s of the drop)\n").doesNotContain("run it again");

        List<Recovery.Second> unknown = quiet.stream().map(s -> new Recovery.Second(s.second(), s.answers(), s.p99Micros(), s.failures())).toList();
        String old = OverloadText.block(withTimeline(unknown, null));
        assertThat(old).doesNotContain("host").doesNotContain("^");
    }

    @Test
    void theKernelsMemoryMonitorIsNamedWhereItRanWithWhereToLook() throws Exception {
        List<Recovery.Second> timeline = List.of(second(1, 900, 0), second(2, 2000, 0), second(3, 2000, 0), second(4, 60, 0),
                second(5, 60, 0), second(6, 60, 0), second(7, 60, 0), second(8, 60, 0), second(9, 60, 0));

        assertThat(OverloadText.block(withTimeline(timeline, 0.0, 3.04))).contains("  kernel: its memory monitor (kdamond) took 3.0% of this"
                + " machine's CPU time over the run; './lab machine' shows it, './lab machine quiet' stops it for a measurement\n");
        assertThat(OverloadText.block(withTimeline(timeline, 0.0, 0.0))).contains("took 0.0% of this machine's CPU time over the run\n")
                .doesNotContain("lab machine");
        assertThat(OverloadText.block(withTimeline(timeline, 0.0, null))).doesNotContain("kdamond");
    }

    @Test
    void theServersOpenFilesAreShownSecondBySecondWhereTheRunReadThem() throws Exception {
        // A backlog of connections that grows through the 3 s over and is gone two seconds after the drop.
        long[] files = {2_014, 9_058, 17_045, 18_627, 4_866, 4_702, 4_702, 4_702, 4_702};
        List<Recovery.Second> timeline = new ArrayList<>();
        for (int n = 1; n <= files.length; n++) {
            timeline.add(new Recovery.Second(n, 100, 60_000, 0, 0.0, files[n - 1]));
        }

        String text = OverloadText.block(withTimeline(timeline, 0.0));

        assertThat(text).contains("the server's open files at the end of each second")
                .contains("  1-10 : 2,014 9,058 17,045 | 18,627 4,866 4,702 4,702 4,702 4,702\n");
        List<Recovery.Second> unread = timeline.stream().map(s -> new Recovery.Second(s.second(), s.answers(), s.p99Micros(), s.failures(),
                s.stealPercent(), null)).toList();
        assertThat(OverloadText.block(withTimeline(unread, 0.0))).doesNotContain("open files");
    }

    private static Recovery.Second second(int n, long p99Millis, double steal) {
        return new Recovery.Second(n, 100, p99Millis * 1000, 0, steal, null);
    }

    /** The fixture's first run (3 s over, 6 s after, SLO 100 ms) with this timeline and run-wide steal time. */
    private static OverloadResult withTimeline(List<Recovery.Second> timeline, Double steal) throws Exception {
        return withTimeline(timeline, steal, null);
    }

    /** As above, with the share of the CPU the kernel's memory monitor took over the run (null: none ran). */
    private static OverloadResult withTimeline(List<Recovery.Second> timeline, Double steal, Double kernelMonitor) throws Exception {
        OverloadResult r = JSON.readValue(Fixtures.resource("/report/results/reliability/overload.json").toFile(), OverloadResult[].class)[0];
        var l = r.load();
        var load = l.withGenerator(l.generatorCpuMillis(), l.generatorCpuWaitMillis(), l.generatorLongestGcPauseMillis(), steal,
                kernelMonitor);
        return new OverloadResult(r.server(), r.label(), r.endpoint(), r.path(), r.capacityPerSec(), r.capacityFrom(), r.overPerSec(),
                r.overMillis(), r.afterPerSec(), r.afterMillis(), r.steady(), load, r.lost(), new ArrayList<>(timeline), null, r.alive(),
                r.helloMillis(), r.serverRssMb(), r.serverPeakThreads(), r.sloMillis(), Recovery.Verdict.SLOW, r.rehearsal());
    }
}
