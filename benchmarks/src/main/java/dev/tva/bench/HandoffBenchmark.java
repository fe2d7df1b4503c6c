package dev.tva.bench;

import dev.tva.workloads.Model;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What does one context switch cost in each model? Two parties hand a baton back and forth.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@State(Scope.Benchmark)
public class HandoffBenchmark {

    /*
     * Two platform threads ping-pong with park/unpark: every hand-off is a futex wake-up, and the
     * kernel switches threads. Two virtual threads run the same code (the thread factory is the only
     * difference): park unmounts the virtual thread and unpark queues it on a carrier, all in the JVM.
     * Two event loops pass the baton as a task posted to the other loop's queue, which wakes its
     * selector when it sleeps.
     *
     * One operation is ROUND_TRIPS round trips between two parties of the model, started and awaited
     * by the benchmark thread, so the score is the time of one round trip (two hand-offs).
     */

    public static final int ROUND_TRIPS = 1_000;

    @Param({"platform", "virtual", "event-loop"})
    public String model;

    private EventLoopGroup eventLoops;

    @Setup
    public void setUp() {
        eventLoops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    }

    @TearDown
    public void tearDown() {
        eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Benchmark
    @OperationsPerInvocation(ROUND_TRIPS)
    public long pingPong() throws InterruptedException, ExecutionException {
        return switch (Model.fromId(model)) {
            case PLATFORM -> threads(Thread.ofPlatform());
            case VIRTUAL -> threads(Thread.ofVirtual());
            case EVENT_LOOP -> eventLoops();
        };
    }

    /** Two threads of {@code builder}'s kind; returns the round trips done. */
    private static long threads(Thread.Builder builder) throws InterruptedException {
        Baton baton = new Baton();
        Thread pong = builder.unstarted(() -> baton.play(1));
        Thread ping = builder.unstarted(() -> baton.play(0));
        baton.players = new Thread[] {ping, pong};
        pong.start();
        ping.start();
        ping.join();
        pong.join();
        return baton.rounds;
    }

    /** A turn flag, parked on and unparked: whoever's turn it is plays, then hands over. */
    private static final class Baton {
        Thread[] players;
        volatile int turn;
        long rounds;

        void play(int me) {
            for (int i = 0; i < ROUND_TRIPS; i++) {
                while (turn != me) {
                    LockSupport.park(this);
                }
                if (me == 1) {
                    rounds++;
                }
                turn = 1 - me;
                LockSupport.unpark(players[1 - me]);
            }
        }
    }

    /** Loop A posts to loop B, which posts back to A, ROUND_TRIPS times. */
    private long eventLoops() throws InterruptedException, ExecutionException {
        EventLoop a = eventLoops.next();
        EventLoop b = eventLoops.next();
        CompletableFuture<Long> done = new CompletableFuture<>();
        a.execute(() -> serve(a, b, 0, done));
        return done.get();
    }

    private static void serve(EventLoop a, EventLoop b, long rounds, CompletableFuture<Long> done) {
        if (rounds == ROUND_TRIPS) {
            done.complete(rounds);
            return;
        }
        b.execute(() -> a.execute(() -> serve(a, b, rounds + 1, done)));
    }

    /*
     * HOW TO RUN
     *
     *   java -jar benchmarks/target/benchmarks.jar Handoff
     *   ./lab bench --suite Handoff
     *
     * Output of `./lab bench` (each suite's settings above: 2 forks, warm-up 3 x 2 s, measurement 5 x 2 s),
     * 2026-11-24, JMH's summary lines for this suite (parameter columns that are N/A here left out),
     * Eclipse Adoptium JDK 25.0.3, 2 cores (shared by everything the benchmark starts), Linux 6.18:
     *
     *   Benchmark                     (model)  Mode  Cnt   Score     Error  Units
     *   HandoffBenchmark.pingPong    platform  avgt   10  42.951  ±  5.604  us/op
     *   HandoffBenchmark.pingPong     virtual  avgt   10   1.195  ±  0.641  us/op
     *   HandoffBenchmark.pingPong  event-loop  avgt   10  85.797  ±  6.601  us/op
     */
}
