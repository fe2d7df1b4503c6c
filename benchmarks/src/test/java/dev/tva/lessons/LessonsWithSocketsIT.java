package dev.tva.lessons;

import dev.tva.workloads.Model;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The lessons that talk to a backend over loopback, each with tiny settings, their claims checked from their own numbers. */
class LessonsWithSocketsIT {

    @Test
    void awaitIsAParkedContinuationOnAVirtualThreadAndACallbackOnFuturesAndPromises() throws Exception {
        Run.Ran<FuturesLesson.Result> ran = Run.tiny(new FuturesLesson());
        FuturesLesson.Result r = ran.result();

        assertThat(r.parkedState()).as(ran.printed()).isEqualTo(Thread.State.WAITING);
        assertThat(r.blocking().callerBackMicros()).as(ran.printed()).isGreaterThanOrEqualTo(r.waitsMillis() * 900);
        assertThat(r.completableFuture().callerBackMicros()).as(ran.printed()).isLessThan(20_000);
        assertThat(r.netty().callerBackMicros()).as(ran.printed()).isLessThan(20_000);
        // Every step of the blocking chain ran in the same virtual thread; every Netty listener on the one loop.
        assertThat(r.blocking().steps()).extracting(s -> s.continuedOn().split("@")[0]).containsOnly("futures-virtual");
        assertThat(r.netty().steps()).extracting(FuturesLesson.Step::continuedOn).hasSize(3).containsOnly(r.netty().steps().get(0).continuedOn());
        for (FuturesLesson.Way way : List.of(r.blocking(), r.completableFuture(), r.netty())) {
            assertThat(way.totalMicros()).as(way.name()).isGreaterThanOrEqualTo(r.waitsMillis() * 1000);
        }
    }

    @Test
    void aLostExceptionIsReallyLostWithoutTheFixAndHeardWithIt() throws Exception {
        Run.Ran<LostExceptionsLesson.Result> ran = Run.tiny(new LostExceptionsLesson());
        LostExceptionsLesson.Result r = ran.result();

        for (LostExceptionsLesson.Case c : List.of(r.completableFuture(), r.virtualThread(), r.nettyFuture())) {
            assertThat(c.heardUnobserved()).as(c.where() + "\n" + ran.printed()).isZero();
            assertThat(c.failedWhenLooked()).as(c.where() + "\n" + ran.printed()).isEqualTo(c.failures());
            assertThat(c.heardObserved()).as(c.where() + "\n" + ran.printed()).isEqualTo(c.failures());
        }
        assertThat(r.shown()).isTrue();
    }

    @Test
    void cancellationBringsTheInFlightCountAndTheBackendsConnectionsBackToZero() throws Exception {
        Run.Ran<CancellationLesson.Result> ran = Run.tiny(new CancellationLesson());
        CancellationLesson.Result r = ran.result();

        // A platform thread ignores the interrupt in a socket read: everything stays until the answer.
        assertThat(r.ignoredInterrupt().justAfter()).as(ran.printed()).isEqualTo(new CancellationLesson.Snapshot(1, 1, 1));
        assertThat(r.ignoredInterrupt().backToBaselineMillis()).as(ran.printed()).isGreaterThanOrEqualTo(r.slowMillis() * 7 / 10);
        // Siblings left running stay in flight; cancelled ones are gone at once, on every model.
        assertThat(r.siblingsLeftRunning().justAfter().inFlight()).as(ran.printed()).isPositive();
        assertThat(r.fanOuts().subList(1, 4)).extracting(CancellationLesson.GaveUp::model).containsExactly(Model.values());
        for (CancellationLesson.GaveUp cancelled : r.fanOuts().subList(1, 4)) {
            assertThat(cancelled.backToBaselineMillis()).as(cancelled.how() + "\n" + ran.printed()).isLessThan(r.slowMillis() / 3);
        }
        for (CancellationLesson.GaveUp timeout : r.timeouts().subList(1, 4)) {
            assertThat(timeout.backToBaselineMillis()).as(timeout.how() + "\n" + ran.printed()).isLessThan(r.slowMillis() / 3);
        }
    }

    @Test
    void onNettyTheThreadThatWaitsServesAnotherRequestOnTheThreadServersAnotherThreadDoes() throws Exception {
        Run.Ran<LifecycleLesson.Result> ran = Run.tiny(new LifecycleLesson());
        LifecycleLesson.Result r = ran.result();

        assertThat(r.lives()).as(ran.printed()).allMatch(LifecycleLesson.Life::complete);
        assertThat(r.lives()).filteredOn(l -> l.server() == dev.tva.workloads.web.ServerId.NETTY).singleElement()
                .matches(LifecycleLesson.Life::waitingThreadServedHello, ran.printed());
        assertThat(r.lives()).filteredOn(l -> l.server() != dev.tva.workloads.web.ServerId.NETTY).hasSize(3)
                .noneMatch(LifecycleLesson.Life::waitingThreadServedHello);
    }
}
