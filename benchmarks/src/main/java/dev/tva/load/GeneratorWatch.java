package dev.tva.load;

import com.sun.management.GarbageCollectionNotificationInfo;

import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This JVM's own health while it generates load: the CPU time it used, the time its threads waited for a CPU
 * ({@link RunQueueWait}) and its longest GC pause, and the shares of the machine's CPU that its host ({@link HostSteal}) and
 * the kernel's memory monitor ({@link KernelMonitor}) took, from {@link #mark()} to now, so a row can show whether the
 * generator, not the server, set the pace, and whether it was slow or starved of CPU. It is made
 * before the clock starts: the first call into the management beans loads and initializes classes for a good
 * fraction of a second, which, made when the measured part began, took the CPU from the event loops there.
 */
final class GeneratorWatch implements AutoCloseable {
    /**
     * The action of a GC bean that reports a whole concurrent cycle (ZGC, Shenandoah), which is not a
     * pause; every other notification (G1's young, mixed, full, remark and cleanup) is a pause.
     */
    private static final String CONCURRENT_CYCLE = "end of GC cycle";

    private volatile long cpuNanosAtStart;
    private volatile RunQueueWait runQueue;
    private volatile HostSteal.Ticks hostAtStart;
    private volatile KernelMonitor.Ticks monitorAtStart;
    private volatile boolean marked;
    private final AtomicLong longestPauseMillis = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = (notification, handback) -> {
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        if (!CONCURRENT_CYCLE.equals(info.getGcAction())) {
            longestPauseMillis.accumulateAndGet(info.getGcInfo().getDuration(), Math::max);
        }
    };

    private GeneratorWatch() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener,
                        n -> GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType()), null);
                emitters.add(emitter);
            }
        }
        cpuNanosAtStart = processCpuNanos();
        runQueue = RunQueueWait.mark();
        hostAtStart = HostSteal.now();
        monitorAtStart = KernelMonitor.now();
    }

    /** Starts watching now. */
    static GeneratorWatch start() {
        return new GeneratorWatch();
    }

    /**
     * Counts from now on: CPU time, run-queue time, steal time, the memory monitor's time and the longest pause start again
     * here (cheap: /proc reads, no class loading).
     */
    void mark() {
        cpuNanosAtStart = processCpuNanos();
        runQueue = RunQueueWait.mark();
        hostAtStart = HostSteal.now();
        monitorAtStart = KernelMonitor.again(monitorAtStart);
        longestPauseMillis.set(0);
        marked = true;
    }

    /** Whether {@link #mark()} was called: a run stopped during its warm-up has no measured part to count. */
    boolean marked() {
        return marked;
    }

    /** CPU time this process used since the start, in milliseconds; -1 when the JVM does not tell. */
    long cpuMillis() {
        long now = processCpuNanos();
        return now < 0 || cpuNanosAtStart < 0 ? -1 : (now - cpuNanosAtStart) / 1_000_000;
    }

    /** Milliseconds this JVM's threads were ready to run and waited for a CPU since the start, summed; -1 when unknown. */
    long cpuWaitMillis() {
        return runQueue.millisSinceMark();
    }

    /** The percentage of the machine's CPU time its host took since the start ({@link HostSteal}); null when unknown. */
    Double hostStealPercent() {
        return HostSteal.now().percentSince(hostAtStart);
    }

    /** The percentage of the machine's CPU time Linux's data-access monitor took since the start ({@link KernelMonitor}); null when none runs. */
    Double kernelMonitorPercent() {
        return KernelMonitor.again(monitorAtStart).percentSince(monitorAtStart);
    }

    /** The longest GC pause since the start, in milliseconds (0 when there was none). */
    long longestGcPauseMillis() {
        return longestPauseMillis.get();
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // already gone
            }
        }
    }
}
