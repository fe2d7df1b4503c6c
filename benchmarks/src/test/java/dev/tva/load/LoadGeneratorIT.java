package dev.tva.load;

import io.netty.channel.EventLoopGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Accounting over real sockets: every request due is sent, answered, failed or timed out, exactly once,
 * and a run that fails any of them says so. The accounting runs use a 200 ms late threshold: they check
 * the counts, not whether this shared 2-core machine keeps a 10 ms schedule.
 */
class LoadGeneratorIT {
    private static final Duration LENIENT = Duration.ofMillis(200);

    /**
     * The generator's wait for a CPU holds at least what its event loops waited: spinning threads that outnumber
     * the CPUs make the loops wait during the second second of the run, read here from the loops' own schedstat.
     */
    @Test
    void theGeneratorsWaitForACpuCountsItsEventLoops() throws InterruptedException {
        assumeTrue(RunQueueWait.perThread() != null, "no /proc/self/task/*/schedstat here");
        List<Long> loopWaits = new CopyOnWriteArrayList<>();
        AtomicBoolean spin = new AtomicBoolean(true);
        List<Thread> spinners = new ArrayList<>();
        for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors(); i++) {
            spinners.add(Thread.ofPlatform().daemon().start(() -> {
                while (spin.get()) {
                    Thread.onSpinWait();
                }
            }));
        }
        LoadResult r;
        try (TestServer server = TestServer.answering(200)) {
            r = LoadGenerator.run(LoadSettings.open(server.uri("/hello"), 500, Duration.ofSeconds(3)).withWarmup(Duration.ZERO)
                    .withLateThreshold(Duration.ofSeconds(1)), p -> {
                loopWaits.add(loopThreadsWaitNanos());
                if (loopWaits.size() == 2) {
                    spin.set(false);
                }
            });
        } finally {
            spin.set(false);
        }
        for (Thread t : spinners) {
            t.join();
        }

        long loopsWaitedMillis = (loopWaits.get(1) - loopWaits.get(0)) / 1_000_000;
        assertThat(loopsWaitedMillis).as("the loops waited for a CPU while the spinners ran").isPositive();
        assertThat(r.generatorCpuWaitMillis()).isGreaterThanOrEqualTo(loopsWaitedMillis);
    }

    /** Run-queue nanoseconds of this JVM's threads named {@code load-...}: the generator's event loops. */
    private static long loopThreadsWaitNanos() {
        long sum = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    if (Files.readString(task.resolve("comm")).startsWith("load-")) {
                        sum += RunQueueWait.waitNanos(task.resolve("schedstat"));
                    }
                } catch (IOException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sum;
    }

    @Test
    void aFastServerGetsEveryRequestOnceAndTheRunIsValid() {
        LoadResult r;
        List<Progress> progress = new CopyOnWriteArrayList<>();
        try (TestServer server = TestServer.answering(200)) {
            r = LoadGenerator.run(LoadSettings.open(server.uri("/hello?x=1"), 500, Duration.ofSeconds(2))
                    .withWarmup(Duration.ofMillis(500)).withLateThreshold(LENIENT), progress::add);
            // The 500 ms warm-up steps up: 125 ms at 125/s, 125 ms at 250/s, 250 ms at 500/s, about 172 requests.
            assertThat(server.requests()).as("warm-up requests reach the server too").isGreaterThanOrEqualTo(r.sent() + 150);
        }

        assertThat(r.valid()).as(r.invalidReason()).isTrue();
        assertThat(r.scheduled()).as("500/s x 2 s").isCloseTo(1_000, within(100L));
        assertThat(r.sent()).isEqualTo(r.scheduled());
        assertThat(r.completed()).isEqualTo(r.sent());
        assertThat(r.errors()).isZero();
        assertThat(r.timeouts()).isZero();
        assertThat(r.achievedPerSec()).isCloseTo(500, within(50.0));
        assertThat(r.targetPerSec()).isEqualTo(500.0);
        assertThat(r.latencyFrom()).isEqualTo(LoadResult.FROM_INTENDED);
        assertThat(r.connectionsOpened()).as("a fast server needs few connections").isLessThan(100);
        assertEveryRequestEndedOnce(r);
        // About once a second: at 1 s and 2 s of the 2.5 s run.
        assertThat(progress).hasSizeBetween(1, 3);
        assertThat(progress.get(0).totalMillis()).isEqualTo(2_500);
        assertThat(progress.get(progress.size() - 1).sent()).isPositive();
        assertThat(progress.get(0).answers()).as("answers count the warm-up's too").isGreaterThan(progress.get(0).completed());
    }

    /** Both transports carry the same run over real sockets, in the open model and the closed one, and the result names its own. */
    @ParameterizedTest
    @EnumSource(Transport.class)
    void eachTransportGetsEveryRequestAnsweredOnceAndSaysWhichItWas(Transport transport) {
        try {
            transport.checkAvailable();
        } catch (IllegalArgumentException e) {
            assumeTrue(false, e.getMessage());
        }
        LoadResult open;
        LoadResult closed;
        try (TestServer server = TestServer.answering(200)) {
            open = LoadGenerator.run(LoadSettings.open(server.uri("/hello"), 400, Duration.ofSeconds(1)).withTransport(transport)
                    .withLateThreshold(LENIENT), p -> { });
            assertThat(server.requests()).as("no warm-up: every request that reached the server was counted").isEqualTo(open.sent());
            closed = LoadGenerator.run(LoadSettings.closed(server.uri("/hello"), 4, Duration.ofMillis(500)).withTransport(transport),
                    p -> { });
        }

        assertThat(open.valid()).as(open.invalidReason()).isTrue();
        assertThat(open.transport()).isEqualTo(transport.id());
        assertThat(open.scheduled()).as("400/s x 1 s").isCloseTo(400, within(40L));
        assertThat(open.completed()).isEqualTo(open.scheduled());
        assertEveryRequestEndedOnce(open);
        assertThat(closed.valid()).as(closed.invalidReason()).isTrue();
        assertThat(closed.transport()).isEqualTo(transport.id());
        assertThat(closed.completed()).isPositive().isEqualTo(closed.sent());
    }

    /**
     * The loops share one schedule: while one of them is held (here a task that keeps it for a second, as a CPU taken by
     * the server or the kernel would, for less), the other sends what falls due meanwhile. Only the request the held loop
     * had taken is late; with a fixed share per loop, its half of that second (500 requests) was. The bound leaves room for
     * a busy machine, where the other loop can be short of CPU too.
     */
    @Test
    void whileOneLoopIsHeldTheOtherSendsWhatFallsDue() {
        AtomicReference<EventLoopGroup> loops = new AtomicReference<>();
        AtomicBoolean held = new AtomicBoolean();
        LoadResult r;
        try (TestServer server = TestServer.answering(200)) {
            r = LoadGenerator.run(LoadSettings.open(server.uri("/hello"), 1_000, Duration.ofSeconds(4)).withLoops(2)
                    .withWarmup(Duration.ofMillis(400)), p -> {
                if (!p.warmingUp() && p.elapsedMillis() >= 1_000 && held.compareAndSet(false, true)) {
                    loops.get().next().execute(() -> {
                        try {
                            Thread.sleep(1_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                }
            }, p -> false, loops::set);
        }

        assertThat(held).as("the loop was held during the measured part").isTrue();
        assertThat(r.errors()).isZero();
        assertThat(r.timeouts()).isZero();
        assertEveryRequestEndedOnce(r);
        assertThat(r.lateGenerator()).as(r.toString()).isLessThan(250);
    }

    @Test
    void theCallerCanStopARunAtAReportAndOnlyWhatWasDueUntilThenIsCounted() {
        LoadResult r;
        long start = System.nanoTime();
        try (TestServer server = TestServer.answering(200)) {
            r = LoadGenerator.run(LoadSettings.open(server.uri("/"), 200, Duration.ofSeconds(20)).withLateThreshold(LENIENT),
                    p -> { }, p -> p.elapsedMillis() >= 2_000);
        }
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(tookMillis).as("stopped at the 2 s report, not after 20 s").isLessThan(8_000);
        assertThat(r.scheduled()).as("200/s for about 2 s").isBetween(300L, 700L);
        assertThat(r.valid()).as(r.invalidReason()).isTrue();
        assertEveryRequestEndedOnce(r);
    }

    @Test
    void non2xxAnswersAreErrorsByStatusAndMakeTheRunInvalid() {
        LoadResult r;
        try (TestServer server = TestServer.answering(500)) {
            r = LoadGenerator.run(LoadSettings.open(server.uri("/"), 200, Duration.ofSeconds(1)).withLateThreshold(LENIENT), p -> { });
        }

        assertThat(r.errors()).isEqualTo(r.scheduled()).isGreaterThan(150);
        assertThat(r.errorsByStatus()).isEqualTo(Map.of("500", r.scheduled()));
        assertThat(r.completed()).isZero();
        assertThat(r.valid()).isFalse();
        assertThat(r.invalidReason()).contains("requests failed (500: " + r.scheduled() + ")");
        assertEveryRequestEndedOnce(r);
    }

    @Test
    void aServerThatNeverAnswersGivesTimeoutsAndTheRunStillEndsOnTime() {
        LoadResult r;
        long start = System.nanoTime();
        try (TestServer server = TestServer.silent()) {
            r = LoadGenerator.run(LoadSettings.open(server.uri("/"), 100, Duration.ofSeconds(1))
                    .withTimeout(Duration.ofMillis(500)).withLateThreshold(LENIENT), p -> { });
        }
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(r.timeouts()).isEqualTo(r.scheduled()).isGreaterThan(80);
        assertThat(r.completed()).isZero();
        assertThat(r.valid()).isFalse();
        assertThat(r.invalidReason()).contains("got no answer within 500 ms");
        assertThat(tookMillis).as("duration 1 s + timeout 0.5 s, with margin").isLessThan(3_500);
        assertEveryRequestEndedOnce(r);
    }

    @Test
    void tooFewConnectionsForASlowServerMakeRequestsLateAndTheRunSaysWhy() {
        LoadResult r;
        try (TestServer server = TestServer.delaying(Duration.ofMillis(100))) {
            // 2 connections x 10 answers/s each = 20/s, asked for 100/s: most requests wait for a connection.
            r = LoadGenerator.run(LoadSettings.open(server.uri("/"), 100, Duration.ofSeconds(1))
                    .withConnections(2).withTimeout(Duration.ofSeconds(5)), p -> { });
        }

        assertThat(r.lateNoConnection()).as(r.toString()).isGreaterThan(r.scheduled() / 2);
        assertThat(r.valid()).isFalse();
        assertThat(r.invalidReason()).contains("of requests were sent late").contains("every one of the 2 connections was busy");
        assertThat(r.latencyMicros().max()).as("the queue shows in latency from the intended time").isGreaterThan(1_000_000);
        assertThat(r.connectionsOpened()).isEqualTo(2);
    }

    @Test
    void aRefusedConnectionIsAnErrorPerRequestNotAHang() {
        LoadResult r = LoadGenerator.run(LoadSettings.open(java.net.URI.create("http://127.0.0.1:1/"), 100, Duration.ofMillis(500))
                .withLateThreshold(LENIENT), p -> { });

        assertThat(r.connectionErrors()).isEqualTo(r.errors()).isEqualTo(r.scheduled());
        assertThat(r.valid()).isFalse();
        assertThat(r.firstError()).contains("Connection refused");
        assertEveryRequestEndedOnce(r);
    }

    @Test
    void theClosedModelKeepsItsConnectionsBusyAndCountsFromTheSend() {
        LoadResult r;
        try (TestServer server = TestServer.delaying(Duration.ofMillis(20))) {
            r = LoadGenerator.run(LoadSettings.closed(server.uri("/"), 4, Duration.ofSeconds(1)), p -> { });
        }

        // 4 connections x (1 / 20 ms) = 200/s at most.
        assertThat(r.valid()).as(r.invalidReason()).isTrue();
        assertThat(r.completed()).isEqualTo(r.sent()).isBetween(100L, 210L);
        assertThat(r.latencyMicros().p50()).isBetween(20_000L, 60_000L);
        assertThat(r.connectionsOpened()).isEqualTo(4);
        assertThat(r.late()).isZero();
    }

    /** In the open model every request due ends exactly one way. */
    @Test
    void stepsChangeTheRateWithoutAPauseAndEachSecondReportsItsOwnLatencies() {
        LoadResult r;
        List<Progress> progress = new CopyOnWriteArrayList<>();
        try (TestServer server = TestServer.answering(200)) {
            // This checks the schedule and the intervals, not whether a busy machine keeps a tight one: late is fine.
            LoadSettings s = LoadSettings.open(server.uri("/"), 1, Duration.ofSeconds(1)).withLateThreshold(Duration.ofSeconds(5))
                    .withSteps(List.of(new RateStep(400, Duration.ofSeconds(2)), new RateStep(100, Duration.ofSeconds(2))));
            r = LoadGenerator.run(s, progress::add);
        }

        assertThat(r.errors()).as(r.firstError()).isZero();
        assertThat(r.timeouts()).isZero();
        assertThat(r.scheduled()).as("400/s x 2 s + 100/s x 2 s").isCloseTo(1_000, within(20L));
        assertEveryRequestEndedOnce(r);
        // The reports at 1 s and 2 s see the first step's rate, the ones at 3 s and 4 s the second's.
        assertThat(progress).hasSizeGreaterThanOrEqualTo(3);
        long first = progress.get(0).interval().getTotalCount();
        long third = progress.get(2).interval().getTotalCount();
        assertThat(first).as("answers in the first second").isBetween(300L, 500L);
        assertThat(third).as("answers in the third second").isBetween(50L, 150L);
        long sum = progress.stream().mapToLong(p -> p.interval().getTotalCount()).sum();
        assertThat(sum).as("the intervals hold each answer once; the last ones end after the last report")
                .isLessThanOrEqualTo(r.completed()).isGreaterThan(r.completed() - 200);
    }

    private static void assertEveryRequestEndedOnce(LoadResult r) {
        assertThat(r.completed() + r.errors() + r.timeouts()).as(r.toString()).isEqualTo(r.scheduled());
        assertThat(r.late()).isEqualTo(r.lateNoConnection() + r.lateGenerator());
    }
}
