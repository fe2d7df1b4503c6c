package dev.tva.engine;

import com.sun.tools.attach.VirtualMachine;
import dev.tva.workloads.Experiment;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Optional;

/**
 * Reads another JVM's footprint from outside it, while it runs: resident memory, threads and open file
 * descriptors from Linux's {@code /proc}, and heap after GC and live threads from its own MXBeans.
 */
public final class ServerProbe implements AutoCloseable {
    /**
     * One reading; a figure that could not be read is -1.
     *
     * @param rssKib         resident memory ({@code VmRSS})
     * @param heapAfterGcKib heap in use right after the full GC {@link #sample} asks for: the sum over heap pools of
     *                       {@code MemoryPoolMXBean.getCollectionUsage().getUsed()}; what a leak makes grow
     * @param jvmThreads     live platform threads as the JVM counts them ({@code ThreadMXBean.getThreadCount})
     * @param osThreads      the process's threads as the kernel counts them ({@code Threads} in /proc/PID/status)
     * @param openFds        entries in /proc/PID/fd: sockets, files, pipes
     * @param gcCount        collections so far, summed over the JVM's collectors as each counts them, the forced
     *                       ones included; heap after GC only changes when this does
     */
    public record Sample(long rssKib, long heapAfterGcKib, long jvmThreads, long osThreads, long openFds, long gcCount) {
    }

    /*
     * The JVM's own figures come through the attach API: it asks the target to start its local management
     * agent (as jcmd's ManagementAgent.start_local does), which needs no flag on the target, then talks JMX
     * over that local connector. The connection adds an RMI thread or two and a socket to the target, once,
     * before the first sample.
     */
    private final long pid;
    private final JMXConnector connector;
    private final List<MemoryPoolMXBean> heapPools;
    private final ThreadMXBean threads;
    private final List<GarbageCollectorMXBean> collectors;
    private final MemoryMXBean memory;
    private final String attachProblem;

    private ServerProbe(long pid, JMXConnector connector, List<MemoryPoolMXBean> heapPools, ThreadMXBean threads,
                        List<GarbageCollectorMXBean> collectors, MemoryMXBean memory, String attachProblem) {
        this.pid = pid;
        this.connector = connector;
        this.heapPools = heapPools;
        this.threads = threads;
        this.collectors = collectors;
        this.memory = memory;
        this.attachProblem = attachProblem;
    }

    /** A probe of process {@code pid}; when attaching fails, its JVM figures are -1 and {@link #attachProblem} says why. */
    public static ServerProbe attach(long pid) {
        JMXConnector connector = null;
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
            MBeanServerConnection connection = connector.getMBeanServerConnection();
            List<MemoryPoolMXBean> heap = ManagementFactory.getPlatformMXBeans(connection, MemoryPoolMXBean.class).stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(connection, ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
            List<GarbageCollectorMXBean> collectors = ManagementFactory.getPlatformMXBeans(connection, GarbageCollectorMXBean.class);
            MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(connection, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
            return new ServerProbe(pid, connector, heap, threads, collectors, memory, null);
        } catch (Exception | LinkageError e) {
            closeQuietly(connector);
            return new ServerProbe(pid, null, List.of(), null, List.of(), null, "cannot attach to process " + pid + ": " + Experiment.describe(e));
        }
    }

    /** Why heap after GC and the JVM's thread count are not measured, if they are not. */
    public Optional<String> attachProblem() {
        return Optional.ofNullable(attachProblem);
    }

    /**
     * Asks the JVM for a full collection ({@link #collect}), then reads every figure: heap after GC is then the
     * live heap of this moment, not whatever survived the collector's last cycle, which a large heap under a low
     * rate may have run minutes before. The forced collection is a small, stated perturbation (ZGC's pauses are
     * sub-millisecond; its concurrent work takes some CPU); the call takes as long as the collection, plus a
     * handful of JMX calls.
     */
    public Sample sample() {
        collect();
        return new Sample(ProcFiles.status(pid, "VmRSS"), heapAfterGcKib(), jvmThreads(), ProcFiles.status(pid, "Threads"),
                ProcFiles.openFds(pid), gcCount());
    }

    /** Asks the JVM for a full collection ({@code MemoryMXBean.gc}) and waits for it; false when not attached. */
    public boolean collect() {
        try {
            if (memory != null) {
                memory.gc();
                return true;
            }
        } catch (RuntimeException e) { // the connection broke: the server has gone
            return false;
        }
        return false;
    }

    private long heapAfterGcKib() {
        if (connector == null) {
            return -1;
        }
        try {
            long bytes = 0;
            for (MemoryPoolMXBean pool : heapPools) {
                MemoryUsage afterGc = pool.getCollectionUsage();
                bytes += afterGc == null ? 0 : afterGc.getUsed();
            }
            return bytes / 1024;
        } catch (RuntimeException e) { // the connection broke: the server has gone
            return -1;
        }
    }

    private long jvmThreads() {
        try {
            return threads == null ? -1 : threads.getThreadCount();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private long gcCount() {
        if (connector == null) {
            return -1;
        }
        try {
            return collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(c -> c > 0).sum();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        closeQuietly(connector);
    }

    private static void closeQuietly(JMXConnector connector) {
        if (connector != null) {
            try {
                connector.close();
            } catch (IOException e) {
                // the server may already have stopped
            }
        }
    }
}
