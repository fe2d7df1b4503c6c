package dev.tva.lessons;

import dev.tva.workloads.web.ServerId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The lessons that start JVMs of their own, each with tiny settings, their claims checked from their own numbers. */
class LessonsWithChildJvmsIT {

    @Test
    void aFutureNeverJoinedSaysDoneBeforeTheWorkAndVirtualThreadsNeverJoinedDieWithTheJvm() throws Exception {
        Run.Ran<ForgottenAwaitLesson.Result> ran = Run.tiny(new ForgottenAwaitLesson());
        ForgottenAwaitLesson.Result r = ran.result();

        assertThat(r.forgottenJoin().writtenWhenReported()).as(ran.printed()).isLessThan(r.orders());
        assertThat(r.forgottenJoin().reportedAfterMicros()).as(ran.printed()).isLessThan(r.leastMillis() * 1000);
        assertThat(r.joined().writtenWhenReported()).as(ran.printed()).isEqualTo(r.orders());
        assertThat(r.joined().reportedAfterMicros()).as(ran.printed()).isGreaterThanOrEqualTo(r.leastMillis() * 900);
        assertThat(r.virtualNeverJoinedWritten()).as(ran.printed()).isLessThan(r.orders());
        assertThat(r.virtualInTryWithResourcesWritten()).as(ran.printed()).isEqualTo(r.orders());
    }

    @Test
    void eachPlantedBugIsFoundByItsToolAndEachFixLeavesNothingToFind() throws Exception {
        Run.Ran<DebuggingLesson.Result> ran = Run.tiny(new DebuggingLesson());
        DebuggingLesson.Result r = ran.result();

        // The planted pin gives a JFR jdk.VirtualThreadPinned event; the fix gives none.
        assertThat(r.pinning().plantedEvents()).as(ran.printed()).isPositive();
        assertThat(r.pinning().fixEvents()).as(ran.printed()).isZero();
        assertThat(r.pinning().synchronizedEvents() > 0).as(ran.printed()).isEqualTo(r.pinning().synchronizedPins());
        // BlockHound names the blocking call on the loop, and says nothing about the timer.
        assertThat(r.blockedLoop().blockHoundOnBug()).as(ran.printed()).contains("BlockingOperationError").contains("Thread.sleep");
        assertThat(r.blockedLoop().blockHoundOnFix()).as(ran.printed()).isEqualTo(BlockedLoopUnderBlockHound.NONE);
        assertThat(r.blockedLoop().lagWithBugMicros()).as(ran.printed()).isGreaterThan(4 * r.blockedLoop().lagWithFixMicros());
        // The two thread dumps find the planted stuck request, and only it.
        assertThat(r.stuck().found()).as(ran.printed()).containsExactly(r.stuck().planted());
        assertThat(r.stuck().virtualThreads()).as(ran.printed()).isGreaterThan(500);
        assertThat(r.stuck().where()).contains("awaitReply");
    }

    @Test
    void heartbeatsStopCleanlyAndAPlatformThreadPerStreamCapsTheOpenStreams() throws Exception {
        Run.Ran<LongLivedLesson.Result> ran = Run.tiny(new LongLivedLesson());
        LongLivedLesson.Result r = ran.result();

        assertThat(r.heartbeats().subList(0, 3)).as(ran.printed()).allMatch(LongLivedLesson.Heartbeat::clean);
        assertThat(r.heartbeats().get(3).clean()).as(ran.printed()).isFalse();
        for (LongLivedLesson.Streams s : r.streams()) {
            if (s.server() == ServerId.JDK_PLATFORM) {
                assertThat(s.open()).as(ran.printed()).isLessThanOrEqualTo(r.platformThreads());
            } else {
                assertThat(s.open()).as(s.server() + "\n" + ran.printed()).isEqualTo(s.asked());
                assertThat(s.helloFailed()).as(s.server() + "\n" + ran.printed()).isZero();
            }
        }
    }
}
