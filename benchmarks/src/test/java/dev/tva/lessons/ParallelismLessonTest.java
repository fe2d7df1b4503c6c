package dev.tva.lessons;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** One cook interleaves the dishes and never overlaps them; two cooks overlap them and finish sooner. */
class ParallelismLessonTest {

    @Test
    void oneThreadInterleavesWithoutOverlapAndTwoThreadsOverlapAndFinishSooner() throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "parallelism needs two cores");
        Run.Ran<ParallelismLesson.Result> ran = Run.tiny(new ParallelismLesson());
        ParallelismLesson.Result r = ran.result();

        assertThat(r.oneCookOverlap()).as(ran.printed()).isZero();
        assertThat(r.oneCookMillis()).as(ran.printed()).isGreaterThanOrEqualTo(r.workMillis() * 9 / 10);
        // Overlap and speed-up need the second core: on a shared machine another process may hold it.
        assumeTrue(r.twoCooksCores() >= 1.6, "the two cooks got only " + r.twoCooksCores() + " cores' worth of CPU:\n" + ran.printed());
        // ... and it must have gone to the cooking: the process's CPU also pays the JIT and the collector, and two
        // hyperthreads of one core each run slower side by side. Once, 1.9 cores for 193 ms paid 367 ms for 200 ms of work.
        double cpuMillis = r.twoCooksCores() * r.twoCooksMillis();
        assumeTrue(cpuMillis <= 1.4 * r.workMillis(), "the two cooks' process used " + Math.round(cpuMillis) + " ms of CPU for "
                + r.workMillis() + " ms of work: the second core did not add a core's worth of cooking:\n" + ran.printed());
        assertThat(r.twoCooksOverlap()).as(ran.printed()).isGreaterThan(0.3);
        // Sooner, with a wide margin: on two shared cores a neighbour can take much of the second cook's core (0.75x here once).
        assertThat(r.twoCooksMillis()).as(ran.printed()).isLessThan(r.oneCookMillis() * 9 / 10);
        assertThat(r.shown()).as(ran.printed()).isTrue();
    }

    @Test
    void onOneCoreTheNoticeDoesNotClaimParallelism() {
        ParallelismLesson.Result oneCore = new ParallelismLesson.Result(500, 510, 505, 0, 0.02, 1.0, 1);

        assertThat(oneCore.shown()).isFalse();
        assertThat(oneCore.notice()).contains("not the speed-up two cores allow").contains("1 cores here");
    }
}
