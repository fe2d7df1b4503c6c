package dev.tva.lessons;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Nobody preempts a task that will not yield: measured by how late a timer runs, with each fix beside. */
class CooperativeLessonTest {

    @Test
    void cpuOnTheLoopMakesTheProbeLateAndOffloadingGivesTheLoopBack() throws Exception {
        Run.Ran<CooperativeLesson.Result> ran = Run.tiny(new CooperativeLesson());
        CooperativeLesson.Result r = ran.result();

        // Large with CPU work on the loop: at least half a task's length.
        assertThat(r.cpuOnTheLoop().p99Micros()).as(ran.printed()).isGreaterThanOrEqualTo(r.taskMillis() * 1000 / 2);
        // Small once offloaded: under half of that (a wide margin: the 2 cores here are shared).
        assertThat(r.offloadedToPool().p99Micros() * 2).as(ran.printed()).isLessThan(r.cpuOnTheLoop().p99Micros());
    }

    @Test
    void virtualThreadsAreNotTimeSlicedButPlatformThreadsAre() throws Exception {
        Run.Ran<CooperativeLesson.Result> ran = Run.tiny(new CooperativeLesson());
        CooperativeLesson.Result r = ran.result();

        assertThat(r.cpuOnVirtualThreads().maxMicros()).as(ran.printed()).isGreaterThanOrEqualTo(r.hogMillis() * 1000 / 2);
        assertThat(r.cpuOnItsOwnExecutor().maxMicros() * 2).as(ran.printed()).isLessThan(r.cpuOnVirtualThreads().maxMicros());
    }

    @Test
    void aNoisyRunIsNotReportedAsAFix() {
        CooperativeLesson.Lateness late = new CooperativeLesson.Lateness(300, 40_000, 50_000, 100);
        CooperativeLesson.Lateness stillLate = new CooperativeLesson.Lateness(300, 30_000, 45_000, 100);
        CooperativeLesson.Result noisy = new CooperativeLesson.Result(50, late, stillLate, 500, 2,
                new CooperativeLesson.Lateness(100, 480_000, 490_000, 10), new CooperativeLesson.Lateness(100, 5_000, 6_000, 90));

        assertThat(noisy.loopShown()).isFalse();
        assertThat(noisy.virtualShown()).isTrue();
        assertThat(noisy.notice()).contains("not the clear drop expected").doesNotContain("(the fix works)");
    }
}
