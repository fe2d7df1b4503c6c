package dev.tva.cli;

import dev.tva.workloads.CpuKernel;
import dev.tva.workloads.Environment;
import dev.tva.workloads.HarnessOverhead;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code lab calibrate}: the two costs every bound rests on, measured on this machine. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Measures the CPU kernel's cost per unit on one core and the experiment driver's own cost per task.")
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        double unit = CpuKernel.nanosPerUnit(1000);
        out.printf("cpu kernel:      %.2f us per unit on one core (%d xorshift rounds per unit)%n",
                unit / 1000, CpuKernel.ITERATIONS_PER_UNIT);
        out.printf("                 so --work 100 costs %.2f ms per task, and %d cores finish at most %,.0f such tasks/s%n",
                unit * 100 / 1e6, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors() * 1e9 / (unit * 100));
        double harness = HarnessOverhead.nanosPerTask(1_000_000, 1_000);
        out.printf("driver overhead: %.2f us per task (1,000,000 tasks that are done when started, 1,000 in flight)%n",
                harness / 1000);
        out.println(Environment.current().oneLine());
        return 0;
    }
}
