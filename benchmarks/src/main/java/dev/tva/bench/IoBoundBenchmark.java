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
 * How many waiting tasks per second does each model complete, with a given number in flight?
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@State(Scope.Benchmark)
public class IoBoundBenchmark {

    /*
     * Each task waits LATENCY_MILLIS: on a timer (sleep) or for the backend's answer over a loopback
     * socket (http). One operation is TASKS such tasks with at most `inFlight` of them in flight; it ends
     * when a latch has counted the last completion, not when the last task was started. Measuring the
     * calls that start asynchronous work is the classic mistake: they return at once.
     * @OperationsPerInvocation(TASKS) turns the score into tasks per second.
     *
     * Little's law gives the bound: inFlight / LATENCY_MILLIS. A platform pool of 200 threads can hold
     * only 200 waits at a time, whatever `inFlight` asks for; a virtual thread per task and an event loop
     * can hold them all. The backend runs in this JVM (started once per trial) and shares its cores.
     *
     * Only http calls the backend, so only it takes `client`: lean, the lab's own least HTTP/1.1 code
     * (the same work in each style), isolates the model's cost; library adds a real client's.
     */

    public static final int TASKS = 1_000;
    public static final int LATENCY_MILLIS = 10;
    public static final int BYTES = 16;

    @Param({"100", "1000"})
    public int inFlight;

    /** A model that waits on timers: sleep calls nobody, so it takes no client. */
    @State(Scope.Benchmark)
    public static class Timers {
        @Param({"platform", "virtual", "event-loop"})
        public String model;

        ExecutionModel execution;

        @Setup(Level.Trial)
        public void setUp() {
            execution = BenchModels.create(Model.fromId(model), null, Client.LEAN);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            execution.close();
        }
    }

    /** A model that calls the backend (in this JVM, started once per trial) with the lab's lean client or a library's. */
    @State(Scope.Benchmark)
    public static class Calls {
        @Param({"platform", "virtual", "event-loop"})
        public String model;

        @Param({"lean", "library"})
        public String client;

        Backend backend;
        ExecutionModel execution;

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
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public Batch.Done sleep(Timers timers) throws InterruptedException {
        return Batch.run(timers.execution, new Workload.Sleep(LATENCY_MILLIS), TASKS, inFlight);
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public Batch.Done http(Calls calls) throws InterruptedException {
        return Batch.run(calls.execution, new Workload.Http(LATENCY_MILLIS, BYTES), TASKS, inFlight);
    }

    /*
     * HOW TO RUN
     *
     *   java -jar benchmarks/target/benchmarks.jar IoBound -p model=virtual,event-loop
     *   ./lab bench --suite IoBound
     *
     * Output of `./lab bench` (each suite's settings above: 2 forks, warm-up 3 x 2 s, measurement 5 x 2 s),
     * 2026-11-24, JMH's summary lines for this suite (parameter columns that are N/A here left out),
     * Eclipse Adoptium JDK 25.0.3, 2 cores (shared by everything the benchmark starts), Linux 6.18:
     *
     * Measured before `client` existed (http with what is now the library client) and before sleep and http
     * had states of their own:
     *
     *   Benchmark               (inFlight)     (model)   Mode  Cnt      Score        Error  Units
     *   IoBoundBenchmark.http          100    platform  thrpt   10   7796.616  ±   706.950  ops/s
     *   IoBoundBenchmark.http          100     virtual  thrpt   10   8275.102  ±   167.663  ops/s
     *   IoBoundBenchmark.http          100  event-loop  thrpt   10   8851.495  ±   118.111  ops/s
     *   IoBoundBenchmark.http         1000    platform  thrpt   10  12737.176  ±  2418.234  ops/s
     *   IoBoundBenchmark.http         1000     virtual  thrpt   10  26293.604  ±  8797.532  ops/s
     *   IoBoundBenchmark.http         1000  event-loop  thrpt   10  52214.857  ±  5241.486  ops/s
     *   IoBoundBenchmark.sleep         100    platform  thrpt   10   9544.848  ±   135.812  ops/s
     *   IoBoundBenchmark.sleep         100     virtual  thrpt   10   9696.061  ±    77.847  ops/s
     *   IoBoundBenchmark.sleep         100  event-loop  thrpt   10   9703.073  ±    43.768  ops/s
     *   IoBoundBenchmark.sleep        1000    platform  thrpt   10  17635.722  ±   899.542  ops/s
     *   IoBoundBenchmark.sleep        1000     virtual  thrpt   10  88416.891  ±  1061.813  ops/s
     *   IoBoundBenchmark.sleep        1000  event-loop  thrpt   10  94024.809  ±   835.630  ops/s
     */
}
