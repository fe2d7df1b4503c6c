package dev.tva.workloads;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Samples this process's resident memory every few milliseconds and keeps the peak; reads CPU time and
 * the peak number of live (platform) threads from the JVM. Virtual threads are not OS threads and are
 * not counted as threads.
 */
final class ResourceSampler implements AutoCloseable {
    private static final Path STATM = Path.of("/proc/self/statm");
    private static final long PAGE_SIZE = 4096;
    private static final long SAMPLE_MILLIS = 10;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final AtomicLong peakRssBytes = new AtomicLong(-1);
    private final long cpuStartNanos;
    private final Thread sampler;
    private volatile boolean running = true;

    /** Starts sampling; {@code everySecond} is called about once a second with the elapsed milliseconds. */
    ResourceSampler(LongConsumer everySecond) {
        threads.resetPeakThreadCount();
        cpuStartNanos = processCpuNanos();
        long start = System.nanoTime();
        sampler = Thread.ofPlatform().daemon().name("resource-sampler").start(() -> {
            long nextTick = 1000;
            while (running) {
                long rss = rssBytes();
                peakRssBytes.accumulateAndGet(rss, Math::max);
                long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
                if (elapsedMillis >= nextTick) {
                    everySecond.accept(elapsedMillis);
                    nextTick += 1000;
                }
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    long cpuMillis() {
        long now = processCpuNanos();
        return now < 0 || cpuStartNanos < 0 ? -1 : (now - cpuStartNanos) / 1_000_000;
    }

    int peakThreads() {
        return threads.getPeakThreadCount();
    }

    long peakRssMb() {
        long peak = Math.max(peakRssBytes.get(), rssBytes());
        return peak < 0 ? -1 : peak / (1024 * 1024);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Resident set size from /proc (Linux); -1 elsewhere. */
    static long rssBytes() {
        try {
            String[] fields = Files.readString(STATM).trim().split("\\s+");
            return Long.parseLong(fields[1]) * PAGE_SIZE;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
