package dev.tva.workloads;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The backend in a JVM of its own, started from this JVM's own {@code java} and class path.
 *
 * <p>Why a separate process: its CPU time is not charged to the model under test, and its sockets do
 * not count against this process's open-file limit (one connection costs a descriptor on each side).
 */
public final class BackendProcess implements AutoCloseable {
    private final ChildProcess process;
    private final URI uri;

    private BackendProcess(ChildProcess process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    /** Starts the backend with {@code loops} event loops and waits (up to 30 s) until it listens. */
    public static BackendProcess start(int loops) {
        return start(loops, CpuPlacement.NONE);
    }

    /** The same, on the CPUs {@code placement} gives the {@linkplain CpuPlacement.Role#BACKEND backend}. */
    public static BackendProcess start(int loops, CpuPlacement placement) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g"));
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(ChildLeaks.flags()); // tests run Netty's leak detector at paranoid level in every JVM
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                Backend.class.getName(), "--loops", Integer.toString(loops)));
        ChildProcess process = ChildProcess.start(placement.prefix(CpuPlacement.Role.BACKEND), command, Backend.READY_LINE,
                Duration.ofSeconds(30), Duration.ofSeconds(5), "backend");
        return new BackendProcess(process, URI.create(process.ready()));
    }

    public URI uri() {
        return uri;
    }

    public long pid() {
        return process.pid();
    }

    /** CPU time the backend process has used so far, in milliseconds (-1 when the OS does not tell). */
    public long cpuMillis() {
        return process.cpuMillis();
    }

    /** Stops it: the backend exits when its standard input closes. */
    @Override
    public void close() {
        process.close();
    }
}
