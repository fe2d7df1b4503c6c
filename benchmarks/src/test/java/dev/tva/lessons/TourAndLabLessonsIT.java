package dev.tva.lessons;

import dev.tva.cli.Lab;
import dev.tva.engine.DatabaseSource;
import dev.tva.engine.ServerBench;
import dev.tva.load.Fault;
import dev.tva.workloads.RunResult;
import dev.tva.workloads.web.ServerId;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The tour's sections and the labs run as lessons, with tiny settings; each claim checked from the typed result. */
class TourAndLabLessonsIT {

    private final StringWriter printed = new StringWriter();
    private final PrintWriter out = new PrintWriter(printed, true);

    @Test
    void theRestaurantServedConcurrentlyTakesAboutTheLongestOrder() {
        TourLesson.Result r = new TourLesson(TourLesson.Part.RESTAURANT).run(out, LessonSettings.TINY);

        assertThat(r.restaurant().concurrentMillis().values()).as(printed.toString())
                .allMatch(concurrent -> concurrent < r.restaurant().sequentialMillis() * 0.9);
    }

    @Test
    void sleepOnAPlatformPoolTrailsTheModelsThatHoldEveryWait() {
        TourLesson.Result r = new TourLesson(TourLesson.Part.SLEEP).run(out, LessonSettings.TINY);

        assertThat(r.section().results()).as(printed.toString()).hasSize(3).allMatch(RunResult::valid);
        assertThat(r.section().verdict().trailing()).as(printed.toString()).singleElement().asString().startsWith("platform");
    }

    @Test
    void withoutADatabaseTheDbLessonSaysHowToGiveItOne() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(DatabaseSource.find(System.getenv()).isEmpty(), "a database is configured");
        TourLesson.Result r = new TourLesson(TourLesson.Part.DB).run(out, LessonSettings.TINY);

        assertThat(r.section()).isNull();
        assertThat(r.notice()).startsWith("skipped").contains("LAB_JDBC_URL");
        assertThat(new DbPoolLesson(Lab::execute).run(out, LessonSettings.TINY).cells()).isEmpty();
    }

    @Test
    void aServerWithTooFewThreadsQueuesWhileTheOthersKeepUp() {
        TourLesson.Result r = new TourLesson(TourLesson.Part.SERVERS).run(out, LessonSettings.TINY);

        assertThat(r.servers()).as(printed.toString()).extracting(ServerBench.Row::server)
                .containsExactly(ServerId.JDK_PLATFORM.id(), ServerId.JDK_VIRTUAL.id(), ServerId.NETTY.id());
        ServerBench.Row platform = r.servers().stream().filter(row -> row.server().equals(ServerId.JDK_PLATFORM.id())).findFirst().orElseThrow();
        ServerBench.Row netty = r.servers().stream().filter(row -> row.server().equals(ServerId.NETTY.id())).findFirst().orElseThrow();
        assertThat(platform.latencyMicros().p99()).as(printed.toString()).isGreaterThan(5 * netty.latencyMicros().p99());
    }

    @Test
    void aBlockedLoopTurnsTheSameServerIntoAnOutage() throws Exception {
        OutageLesson.Result r = new OutageLesson(Lab::execute).run(out, LessonSettings.TINY);

        // The healthy server kept up: no error, timeout or busy connection. A request the generator itself sent
        // late (its schedule slipped on two cores shared with three warming JVMs) is not the server's doing, and
        // one of the lesson's 90 requests is already 1.1%.
        assertThat(r.healthy().faults()).as(printed.toString())
                .doesNotContain(Fault.ERRORS, Fault.TIMEOUTS, Fault.SERVER_BEHIND, Fault.NO_ANSWER);
        assertThat(!r.blocked().valid() || r.blocked().latencyMicros().p99() > 10 * r.healthy().latencyMicros().p99()).as(printed.toString()).isTrue();
    }

    @Test
    void aPinnedVirtualThreadHoldsItsCarrierAndAnUnpinnedOneDoesNot() throws Exception {
        PinningLesson.Result r = new PinningLesson(Lab::execute).run(out, LessonSettings.TINY);

        assertThat(r.of("classInitializerPins")).as(printed.toString()).isGreaterThan(4 * r.of("unpinned"));
        assertThat(r.of("reentrantLockNeverPins")).as(printed.toString()).isLessThan(2 * r.of("unpinned"));
    }
}
