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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * A backend call, then CPU work on its answer: how do the models compare as the CPU share grows?
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@State(Scope.Benchmark)
public class MixedBenchmark {

    /*
     * Each task is the lab's `mixed` workload: an http call that waits LATENCY_MILLIS, then `work` units
     * of the CPU kernel (about 8 us each here; `lab calibrate` measures it). One operation is TASKS
     * tasks, all in flight at once; the score is tasks per second.
     *
     * With no CPU work, the wait bounds throughput (Little's law: TASKS / LATENCY_MILLIS), and a pool of
     * 200 platform threads can hold only 200 of the 400 waits. As `work` grows, the cores become the bound
     * (cores / CPU per task) and holding many waits stops helping: every model needs the same CPU time.
     * On an event loop the CPU work runs ON the loop, delaying every other answer that loop has to read.
     *
     * `client` is the HTTP client of the call: lean (the lab's own least HTTP/1.1 code, the same work in
     * each style) isolates the model's cost; library adds a real client's.
     */

    public static final int TASKS = 400;
    public static final int LATENCY_MILLIS = 10;
    public static final int BYTES = 16;

    @Param({"platform", "virtual", "event-loop"})
    public String model;

    /** The backend calls' HTTP client: the lab's lean one, or a library's (see README, Clients). */
    @Param({"lean", "library"})
    public String client;

    @Param({"0", "20", "100"})
    public int work;

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

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public Batch.Done mixed() throws InterruptedException {
        Workload.Mixed task = new Workload.Mixed(new Workload.Http(LATENCY_MILLIS, BYTES), new Workload.Cpu(work, 0));
        return Batch.run(execution, task, TASKS, TASKS);
    }

    /*
     * HOW TO RUN
     *
     *   java -jar benchmarks/target/benchmarks.jar Mixed -p work=0,100
     *   ./lab bench --suite Mixed
     *
     * Output of `./lab bench` (each suite's settings above: 2 forks, warm-up 3 x 2 s, measurement 5 x 2 s),
     * 2026-11-24, JMH's summary lines for this suite (parameter columns that are N/A here left out),
     * Eclipse Adoptium JDK 25.0.3, 2 cores (shared by everything the benchmark starts), Linux 6.18:
     *
     * Measured before `client` existed, with what is now the library client:
     *
     *   Benchmark                (model)  (work)   Mode  Cnt      Score        Error  Units
     *   MixedBenchmark.mixed    platform       0  thrpt   10  10188.529  ±  3748.988  ops/s
     *   MixedBenchmark.mixed    platform      20  thrpt   10   5190.113  ±   892.192  ops/s
     *   MixedBenchmark.mixed    platform     100  thrpt   10   1671.153  ±   149.333  ops/s
     *   MixedBenchmark.mixed     virtual       0  thrpt   10  19192.690  ±  3886.066  ops/s
     *   MixedBenchmark.mixed     virtual      20  thrpt   10   5987.204  ±  2060.925  ops/s
     *   MixedBenchmark.mixed     virtual     100  thrpt   10   1892.231  ±   350.425  ops/s
     *   MixedBenchmark.mixed  event-loop       0  thrpt   10  26865.545  ±   915.787  ops/s
     *   MixedBenchmark.mixed  event-loop      20  thrpt   10   6831.326  ±   874.904  ops/s
     *   MixedBenchmark.mixed  event-loop     100  thrpt   10   2116.214  ±   237.197  ops/s
     */
}
