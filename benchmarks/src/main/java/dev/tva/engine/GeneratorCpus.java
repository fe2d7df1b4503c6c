package dev.tva.engine;

import dev.tva.workloads.CpuPlacement;

/** Pins this JVM, where the load generator runs, to the CPUs a placement gives the generator. */
public final class GeneratorCpus {
    private GeneratorCpus() {
    }

    /**
     * Pins this JVM to the {@link CpuPlacement.Role#GENERATOR generator}'s CPUs, for the commands whose load
     * generator runs here.
     *
     * @throws UserException when taskset fails (exit code 1)
     */
    public static void pin(CpuPlacement placement) {
        try {
            placement.pinSelf(CpuPlacement.Role.GENERATOR);
        } catch (IllegalStateException e) {
            throw new UserException(UserException.FAILED, e.getMessage());
        }
    }
}
