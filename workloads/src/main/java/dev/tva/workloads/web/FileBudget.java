package dev.tva.workloads.web;

import dev.tva.workloads.Workload;

import java.lang.management.ManagementFactory;

/**
 * How many connections and requests in progress a server may hold so that it never runs out of file
 * descriptors: every socket is a file, and the process's open-file limit is read when the server starts.
 *
 * <p>The arithmetic: {@link #RESERVE} files are left to the JVM itself (jars, selectors, pipes, logs, a
 * database pool) and to connections accepted only to be closed again; of the rest, four fifths bound the
 * clients' connections ({@link #connections()}), open or idle, one file each, and one fifth the backend
 * sockets of requests in progress ({@link #requestSockets()}): each request weighs the sockets it holds
 * ({@link #weight}), 1 for {@code /io} and {@code /mixed}, {@code n} for {@code /fanout?n=}, and 1 for a
 * request that holds none, so that it still counts. A request that would go over gets 503 at once. With the
 * limit of 20,000 files: 15,590 connections and 3,898 backend sockets, 15,590 + 3,898 + 512 = 20,000. Why
 * not half and half: an idle keep-alive connection costs a server one file and little else, and holding
 * 15,000 of them is one of the lab's measured goals; a backend socket is held only while a request waits,
 * and 3,898 of them at the 50 ms of {@code /io} carry 78,000 requests a second, four times what any server
 * here can serve. The clients' idle backend connections stay within that fifth: a pool never holds more
 * than the calls that were once in flight at the same time.
 *
 * <p>{@code -Dlab.openFiles=N} stands in for the process's limit; tests use it to start a server with a
 * small budget. The JDK server's connection limit is one setting for the whole JVM, read once: it always
 * follows {@link #ofProcess()}.
 */
public record FileBudget(long openFiles) {
    /** Files left to the JVM and to connections accepted and closed at once. */
    public static final int RESERVE = 512;
    /** The system property that replaces the process's open-file limit (for tests). */
    public static final String OPEN_FILES_PROPERTY = "lab.openFiles";

    public FileBudget {
        if (openFiles < RESERVE + 2) {
            throw new IllegalArgumentException("an open-file limit of " + openFiles + " leaves nothing beside the "
                    + RESERVE + " files kept for the JVM; raise it (ulimit -n) to at least " + (RESERVE + 2));
        }
    }

    /** The budget of a server starting now: {@code -Dlab.openFiles} when set, else {@link #ofProcess()}. */
    public static FileBudget current() {
        Long given = Long.getLong(OPEN_FILES_PROPERTY);
        return given != null ? new FileBudget(given) : ofProcess();
    }

    /** This process's own open-file limit, whatever {@code -Dlab.openFiles} says; 20,000 where it cannot be read. */
    public static FileBudget ofProcess() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return new FileBudget(Math.min(unix.getMaxFileDescriptorCount(), Integer.MAX_VALUE));
        }
        return new FileBudget(20_000);
    }

    /** Client connections open at once, idle or not; one more is closed as soon as it is accepted. */
    public int connections() {
        return (int) ((openFiles - RESERVE) * 4 / 5);
    }

    /** Backend sockets the requests in progress may hold together; every request weighs at least 1. */
    public int requestSockets() {
        return (int) (openFiles - RESERVE - connections());
    }

    /** The sockets to the backend {@code call} holds while it is in progress, at least 1. */
    public static int weight(EndpointCall call) {
        return call instanceof EndpointCall.Work work ? switch (work.workload()) {
            case Workload.FanOut f -> f.calls();
            case Workload.Http h -> 1;
            case Workload.Mixed m -> 1;
            case Workload.Sleep s -> 1;
            case Workload.Cpu c -> 1;
            case Workload.Db d -> 1;
        } : 1;
    }

    /** The budget in one line, for the server's start-up message. */
    public String describe() {
        return "open files " + openFiles + ": at most " + connections() + " connections and " + requestSockets()
                + " backend sockets of requests in progress (503 over it)";
    }
}
