package dev.tva.bench;

import dev.tva.workloads.Client;
import dev.tva.workloads.CpuKernel;
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
 * Does the execution model change how fast CPU-bound work gets done? (It should not.)
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class CpuBoundBenchmark {

    /*
     * Every model runs the same seeded kernel (CpuKernel, the one the lab's `cpu` workload runs), TASKS
     * tasks of UNITS units per operation, all in flight at once. Computing needs a core the whole time,
     * so no model can beat cores x the single-thread rate: `baselineOneThread` measures that rate on
     * the benchmark thread alone. Expect parity: each model near cores x baseline, none far above.
     *
     * The result of an operation is the sum of the tasks' checksums. It is the same on every model,
     * which shows they did the same work, and it keeps the JIT from dropping the kernel.
     */

    public static final int TASKS = 100;
    public static final int UNITS = 100;

    @State(Scope.Benchmark)
    public static class Models {
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

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public long baselineOneThread() {
        long total = 0;
        for (int i = 0; i < TASKS; i++) {
            total += CpuKernel.run(UNITS, i);
        }
        return total;
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public Batch.Done cpu(Models models) throws InterruptedException {
        return Batch.run(models.execution, new Workload.Cpu(UNITS, 0), TASKS, TASKS);
    }

    /*
     * HOW TO RUN
     *
     *   java -jar benchmarks/target/benchmarks.jar CpuBound
     *   ./lab bench --suite CpuBound
     *
     * Output of `./lab bench` (each suite's settings above: 2 forks, warm-up 3 x 2 s, measurement 5 x 2 s),
     * 2026-11-24, JMH's summary lines for this suite (parameter columns that are N/A here left out),
     * Eclipse Adoptium JDK 25.0.3, 2 cores (shared by everything the benchmark starts), Linux 6.18:
     *
     *   Benchmark                               (model)   Mode  Cnt     Score       Error  Units
     *   CpuBoundBenchmark.baselineOneThread         N/A  thrpt   10  1250.076  ±   23.371  ops/s
     *   CpuBoundBenchmark.cpu                  platform  thrpt   10  2357.748  ±  102.446  ops/s
     *   CpuBoundBenchmark.cpu                   virtual  thrpt   10  2385.733  ±  157.865  ops/s
     *   CpuBoundBenchmark.cpu                event-loop  thrpt   10  2240.273  ±  584.706  ops/s
     */
}
