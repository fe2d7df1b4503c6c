package dev.tva.bench;

import dev.tva.workloads.Backend;
import dev.tva.workloads.Client;
import dev.tva.workloads.ExecutionModel;
import dev.tva.workloads.Model;
import dev.tva.workloads.Workload;
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

import java.util.concurrent.ExecutionException;
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
     * One operation is one task of the lab's `fanout` workload: `calls` backend calls that each wait
     * LATENCY_MILLIS, made at once and added up. Made one after another they would take
     * calls x LATENCY_MILLIS; in parallel, one LATENCY_MILLIS plus the cost of fanning out. The task is
     * started through the one seam, ExecutionModel.start, like every other workload:
     *
     *   platform:   BlockingWorkloads.fanOut forks each blocking call onto the model's pool of platform
     *               threads and waits for them (a fork no thread has started, the waiting thread runs).
     *   virtual:    the same code: each call forked onto a virtual thread of its own.
     *   event-loop: AsyncWorkloads.fanOut: every request goes out from one loop, and a future per call,
     *               joined without waiting, completes on that loop.
     *
     * The first failed call cancels the others in every model (an interrupt, or a closed connection).
     * `client` is the calls' HTTP client: lean (the lab's own, the same work in each style) or library.
     */

    public static final int LATENCY_MILLIS = 10;
    public static final int BYTES = 16;

    @Param({"platform", "virtual", "event-loop"})
    public String model;

    /** The backend calls' HTTP client: the lab's lean one, or a library's (see README, Clients). */
    @Param({"lean", "library"})
    public String client;

    @Param({"10", "100"})
    public int calls;

    private Backend backend;
    private ExecutionModel execution;

    @Setup(Level.Trial)
    public void setUp() {
        backend = Backend.start("127.0.0.1", 0, BenchModels.loops());
        execution = BenchModels.create(Model.fromId(model), backend.uri(), Client.fromId(client));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        execution.close();
        backend.close();
    }

    /** The combined answer: total bytes of all the answers. */
    @Benchmark
    public long fanOut() throws InterruptedException, ExecutionException {
        return execution.start(new Workload.FanOut(calls, LATENCY_MILLIS, BYTES)).toCompletableFuture().get();
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
     * Measured before fanout was a workload (three hand-written idioms, one per model) and before `client`
     * existed (what is now the library client), with 1 to n bytes per call:
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
