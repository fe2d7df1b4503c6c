package dev.tva.engine;

import dev.tva.workloads.ChildProcess;
import dev.tva.workloads.CpuPlacement;
import dev.tva.workloads.web.ServerId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A lab server in a JVM of its own ({@code lab serve --child}), as {@code lab servers} and the tour run
 * them: its CPU, memory and threads are its own, read from the operating system, and a crash or a full
 * heap there cannot take the load generator with it.
 */
public final class ServerProcess implements AutoCloseable {
    /** The line a server started with {@code --child} prints once it accepts connections; the port follows. */
    public static final String READY_LINE = "lab server ready on port ";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** Time to finish requests in progress and stop, after its standard input closes. */
    private static final Duration GRACE = Duration.ofSeconds(15);

    private final ServerId id;
    private final ChildProcess process;
    private final int port;

    private ServerProcess(ServerId id, ChildProcess process, int port) {
        this.id = id;
        this.process = process;
        this.port = port;
    }

    /** Starts {@code lab serve --server ID --port 0 --child} plus {@code flags}, and waits until it listens. */
    public static ServerProcess start(ServerId id, List<String> flags) {
        return start(id, flags, CpuPlacement.NONE);
    }

    /** The same, on the CPUs {@code placement} gives the {@linkplain CpuPlacement.Role#SERVER server}. */
    static ServerProcess start(ServerId id, List<String> flags, CpuPlacement placement) {
        List<String> command = new ArrayList<>(Runner.javaCommand());
        command.addAll(List.of(ChildRun.MAIN_CLASS, "serve", "--server", id.id(), "--port", "0", "--child"));
        command.addAll(flags);
        try {
            ChildProcess process = ChildProcess.start(placement.prefix(CpuPlacement.Role.SERVER), command, READY_LINE, START_TIMEOUT, GRACE, id + " server");
            return new ServerProcess(id, process, Integer.parseInt(process.ready()));
        } catch (IllegalStateException e) {
            throw new UserException(UserException.FAILED, e.getMessage());
        }
    }

    public ServerId id() {
        return id;
    }

    public int port() {
        return port;
    }

    /** The server JVM's process id, e.g. for {@link ServerProbe} or a thread dump. */
    public long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** CPU time the server process has used so far, in milliseconds; -1 when the OS does not tell. */
    public long cpuMillis() {
        return process.cpuMillis();
    }

    /** Resident memory now, in MiB; -1 where /proc is not available. */
    public long rssMb() {
        long kb = ProcFiles.status(pid(), "VmRSS");
        return kb < 0 ? -1 : kb / 1024;
    }

    /** Open files now (connections and other sockets among them); -1 where /proc is not available. */
    public long openFiles() {
        return ProcFiles.openFds(pid());
    }

    /** Live threads now; -1 where /proc is not available. */
    public long threads() {
        return ProcFiles.status(pid(), "Threads");
    }

    /** Stops it gracefully (it stops when its standard input closes, finishing requests in progress), then forcibly. */
    @Override
    public void close() {
        process.close();
    }
}
