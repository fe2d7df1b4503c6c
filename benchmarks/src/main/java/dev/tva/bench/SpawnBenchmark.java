package dev.tva.bench;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * What does it cost to start a unit of work and wait for its result?
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@State(Scope.Benchmark)
public class SpawnBenchmark {

    /*
     * A platform thread is an OS thread: starting one is a clone() system call, a native stack, and the
     * kernel scheduling it; ending it is another trip through the kernel. A virtual thread is a Java
     * object that a carrier thread mounts: starting it queues it on the carrier pool. The other two ways
     * start no thread at all: they hand a task to a thread that is already running, a platform pool's
     * worker or an event loop, and the cost is the hand-off (a queue and a wake-up) there and back.
     *
     * Every benchmark starts one tiny task, waits until it is done (join, or get on its future) and
     * returns its result, so nothing is left running between operations.
     */

    private ExecutorService platformPool;
    private EventLoopGroup eventLoops;
    private EventLoop eventLoop;
    private long token;

    @Setup
    public void setUp() {
        platformPool = Executors.newFixedThreadPool(BenchModels.loops(), Thread.ofPlatform().name("platform-", 0).factory());
        eventLoops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        eventLoop = eventLoops.next();
    }

    @TearDown
    public void tearDown() {
        platformPool.shutdownNow();
        eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private Callable<Long> task() {
        long t = ++token;
        return () -> t + 1;
    }

    @Benchmark
    public long newPlatformThread() throws InterruptedException, ExecutionException {
        FutureTask<Long> task = new FutureTask<>(task());
        Thread.ofPlatform().start(task).join();
        return task.get();
    }

    @Benchmark
    public long newVirtualThread() throws InterruptedException, ExecutionException {
        FutureTask<Long> task = new FutureTask<>(task());
        Thread.ofVirtual().start(task).join();
        return task.get();
    }

    @Benchmark
    public long platformPoolTask() throws InterruptedException, ExecutionException {
        return platformPool.submit(task()).get();
    }

    @Benchmark
    public long eventLoopTask() throws InterruptedException, ExecutionException {
        return eventLoop.submit(task()).get();
    }

    /*
     * HOW TO RUN
     *
     *   java -jar benchmarks/target/benchmarks.jar Spawn
     *   ./lab bench --suite Spawn            (writes JMH's JSON under results/)
     *
     * Output of `./lab bench` (each suite's settings above: 2 forks, warm-up 3 x 2 s, measurement 5 x 2 s),
     * 2026-11-24, JMH's summary lines for this suite (parameter columns that are N/A here left out),
     * Eclipse Adoptium JDK 25.0.3, 2 cores (shared by everything the benchmark starts), Linux 6.18:
     *
     *   Benchmark                         Mode  Cnt    Score       Error  Units
     *   SpawnBenchmark.eventLoopTask      avgt   10   62.618  ±   37.971  us/op
     *   SpawnBenchmark.newPlatformThread  avgt   10  306.269  ±  302.558  us/op
     *   SpawnBenchmark.newVirtualThread   avgt   10   42.663  ±   20.014  us/op
     *   SpawnBenchmark.platformPoolTask   avgt   10   35.875  ±   19.695  us/op
     */
}
