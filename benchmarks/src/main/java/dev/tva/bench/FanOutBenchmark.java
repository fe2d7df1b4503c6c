package dev.tva.bench;

import dev.tva.async.AsyncWorkloads;
import dev.tva.threads.BlockingWorkloads;
import dev.tva.workloads.Backend;
import dev.tva.workloads.Client;
import dev.tva.workloads.Model;
import dev.tva.workloads.Workload;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.PromiseCombiner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One request that needs n backend answers: each model's way to make the calls in parallel and combine them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@State(Scope.Benchmark)
public class FanOutBenchmark {

    /*
     * Call i asks the backend for i + 1 bytes after LATENCY_MILLIS, so the combined answer, the sum of
     * the bytes, is n(n + 1)/2 only if every answer was counted once. Made one after another the calls
     * would take n x LATENCY_MILLIS; in parallel, one LATENCY_MILLIS plus the cost of fanning out.
     *
     *   platform:   CompletableFuture composition: supplyAsync each blocking call on a pool of platform
     *               threads, allOf, then add up (the Java 8 way).
     *   virtual:    fork/join: submit each blocking call to a virtual-thread-per-task executor, then get
     *               every future in turn. Plain blocking code; close() waits for stragglers.
     *   event-loop: Netty promises: on one loop, a promise per non-blocking call and a PromiseCombiner;
     *               every callback runs on that loop, so adding up needs no synchronisation.
     */

    public static final int LATENCY_MILLIS = 10;

    @Param({"platform", "virtual", "event-loop"})
    public String model;

    @Param({"10", "100"})
    public int calls;

    private Backend backend;
    private BlockingWorkloads blocking;
    private ExecutorService platformPool;
    private EventLoopGroup eventLoops;
    private List<AsyncWorkloads> perLoop;
    private int nextLoop;

    @Setup(Level.Trial)
    public void setUp() {
        backend = Backend.start("127.0.0.1", 0, BenchModels.loops());
        blocking = new BlockingWorkloads(backend.uri(), Client.LIBRARY, BenchModels.TIMEOUT);
        platformPool = Executors.newFixedThreadPool(BenchModels.PLATFORM_THREADS, Thread.ofPlatform().name("platform-", 0).factory());
        eventLoops = new MultiThreadIoEventLoopGroup(BenchModels.loops(), NioIoHandler.newFactory());
        perLoop = new ArrayList<>();
        eventLoops.forEach(loop -> perLoop.add(new AsyncWorkloads((EventLoop) loop, backend.uri(), Client.LIBRARY, BenchModels.TIMEOUT)));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        perLoop.forEach(AsyncWorkloads::close);
        eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        platformPool.shutdownNow();
        blocking.close();
        backend.close();
    }

    /** The combined answer: total bytes of all n answers. */
    @Benchmark
    public long fanOut() throws InterruptedException, ExecutionException {
        return switch (Model.fromId(model)) {
            case PLATFORM -> completableFutures();
            case VIRTUAL -> forkJoin();
            case EVENT_LOOP -> nettyPromises();
        };
    }

    private static Workload.Http call(int i) {
        return new Workload.Http(LATENCY_MILLIS, i + 1);
    }

    private long completableFutures() {
        List<CompletableFuture<Long>> answers = new ArrayList<>(calls);
        for (int i = 0; i < calls; i++) {
            Workload.Http call = call(i);
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return blocking.http(call);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, platformPool));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(all -> answers.stream().mapToLong(CompletableFuture::join).sum())
                .join();
    }

    private long forkJoin() throws InterruptedException, ExecutionException {
        try (ExecutorService perCall = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Long>> answers = new ArrayList<>(calls);
            for (int i = 0; i < calls; i++) {
                Workload.Http call = call(i);
                answers.add(perCall.submit(() -> blocking.http(call)));
            }
            long total = 0;
            for (Future<Long> answer : answers) {
                total += answer.get();
            }
            return total;
        }
    }

    private long nettyPromises() throws InterruptedException, ExecutionException {
        AsyncWorkloads workloads = perLoop.get(nextLoop++ % perLoop.size());
        EventLoop loop = workloads.loop();
        Promise<Long> combined = loop.newPromise();
        loop.execute(() -> {
            List<Promise<Long>> answers = new ArrayList<>(calls);
            PromiseCombiner combiner = new PromiseCombiner(loop);
            for (int i = 0; i < calls; i++) {
                Promise<Long> answer = loop.newPromise();
                workloads.http(call(i)).whenComplete((bytes, error) -> {
                    if (error == null) {
                        answer.setSuccess(bytes);
                    } else {
                        answer.setFailure(error);
                    }
                });
                answers.add(answer);
                combiner.add(answer);
            }
            Promise<Void> all = loop.newPromise();
            all.addListener(done -> {
                if (done.isSuccess()) {
                    combined.setSuccess(answers.stream().mapToLong(Promise::getNow).sum());
                } else {
                    combined.setFailure(done.cause());
                }
            });
            combiner.finish(all);
        });
        return combined.get();
    }

    /*
     * HOW TO RUN
     *
     *   java -jar benchmarks/target/benchmarks.jar FanOut -p calls=100
     *   ./lab bench --suite FanOut
     *
     * Output of `./lab bench` (each suite's settings above: 2 forks, warm-up 3 x 2 s, measurement 5 x 2 s),
     * 2026-11-24, JMH's summary lines for this suite (parameter columns that are N/A here left out),
     * Eclipse Adoptium JDK 25.0.3, 2 cores (shared by everything the benchmark starts), Linux 6.18:
     *
     *   Benchmark               (calls)     (model)  Mode  Cnt   Score     Error  Units
     *   FanOutBenchmark.fanOut       10    platform  avgt   10  11.581  ±  0.595  ms/op
     *   FanOutBenchmark.fanOut       10     virtual  avgt   10  11.055  ±  0.374  ms/op
     *   FanOutBenchmark.fanOut       10  event-loop  avgt   10  10.614  ±  0.264  ms/op
     *   FanOutBenchmark.fanOut      100    platform  avgt   10  14.860  ±  0.777  ms/op
     *   FanOutBenchmark.fanOut      100     virtual  avgt   10  12.831  ±  0.405  ms/op
     *   FanOutBenchmark.fanOut      100  event-loop  avgt   10  11.837  ±  0.326  ms/op
     */
}
