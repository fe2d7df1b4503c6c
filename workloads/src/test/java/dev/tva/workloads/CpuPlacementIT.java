package dev.tva.workloads;

import dev.tva.workloads.CpuPlacement.Layout;
import dev.tva.workloads.CpuPlacement.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Real processes on the CPUs asked for, as Linux reports them in {@code /proc/PID/status}'s {@code Cpus_allowed_list}. */
class CpuPlacementIT {
    private static CpuPlacement onCpuZero;

    @BeforeAll
    static void needsTaskset() {
        assumeTrue(CpuPlacement.availableCpus().isPresent(), "--cpus needs Linux's taskset (util-linux); not found");
        onCpuZero = CpuPlacement.parse("generator=0/backend=0", Layout.RUN, CpuPlacement.availableCpus());
    }

    @Test
    void aPlacedBackendRunsOnlyOnItsCpus() throws IOException {
        try (BackendProcess backend = BackendProcess.start(1, onCpuZero)) {
            assertThat(allowedCpus(backend.pid())).as("taskset replaces itself: the pid is the JVM's").containsOnly("0");
        }
    }

    @Test
    void pinningAProcessPinsEveryOneOfItsThreads() throws IOException {
        // The same call as pinSelf, on another JVM: a running JVM has many threads, and each must move.
        assumeTrue(CpuPlacement.availableCpus().orElseThrow().size() > 1, "one CPU: every process is on it already");
        try (BackendProcess backend = BackendProcess.start(2)) {
            assertThat(allowedCpus(backend.pid())).doesNotContain("0");
            onCpuZero.pin(backend.pid(), Role.GENERATOR);

            assertThat(allowedCpus(backend.pid())).hasSizeGreaterThan(5).containsOnly("0");
        }
    }

    /** Cpus_allowed_list of every thread of {@code pid}. */
    private static List<String> allowedCpus(long pid) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.flatMap(task -> field(task.resolve("status"), "Cpus_allowed_list").stream()).toList();
        }
    }

    private static Optional<String> field(Path status, String name) {
        try {
            return Files.readAllLines(status).stream().filter(l -> l.startsWith(name + ":"))
                    .map(l -> l.substring(name.length() + 1).trim()).findFirst();
        } catch (IOException e) {
            return Optional.empty(); // a thread that ended meanwhile
        }
    }
}
