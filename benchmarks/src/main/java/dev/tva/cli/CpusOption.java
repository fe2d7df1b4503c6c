package dev.tva.cli;

import dev.tva.workloads.CpuPlacement;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code --cpus} flag of the commands that start the lab's processes: which CPUs each of them may run on. */
final class CpusOption {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--cpus", paramLabel = "SPEC",
            description = {"pin the processes to disjoint CPUs (Linux, with taskset): a CPU list such as 0-7 or 0,2,4-7, split"
                    + " in ascending order (generator first, backend the last quarter), or roles such as"
                    + " generator=0/server=1-3/backend=4 (default: not pinned)"})
    String cpus;

    /**
     * The placement of {@code layout}'s roles, parsed and checked against this machine's CPUs;
     * {@link CpuPlacement#NONE} without {@code --cpus}.
     *
     * @throws ParameterException one line naming the flag and what it accepts (exit code 2)
     */
    CpuPlacement placement(CpuPlacement.Layout layout) {
        if (cpus == null) {
            return CpuPlacement.NONE;
        }
        try {
            return CpuPlacement.parse(cpus, layout, CpuPlacement.availableCpus());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--cpus': " + e.getMessage());
        }
    }
}
