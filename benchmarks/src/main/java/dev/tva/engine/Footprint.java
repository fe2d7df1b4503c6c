package dev.tva.engine;

import dev.tva.workloads.Environment;
import dev.tva.workloads.Model;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.Promise;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Parks N tasks of one model in this JVM and measures what they hold: heap used after a full GC and
 * the process's resident memory, before and while parked.
 *
 * <p>A parked thread (platform or virtual) is blocked on a latch; the same code runs with either
 * thread factory. A parked event-loop task is what {@code AsyncWorkloads.sleep} leaves behind: a timer
 * scheduled on its loop and a promise with a listener (the continuation) waiting for it.
 */
public final class Footprint {
    private static final Path STATM = Path.of("/proc/self/statm");
    private static final Path MEMINFO = Path.of("/proc/meminfo");
    private static final long PAGE_SIZE = 4096;

    private Footprint() {
    }

    /** One measurement; {@code skipped} says why a count was not run (the per-task fields are then null). */
    public record Result(String model, int tasks, Long heapBytesPerTask, Long rssBytesPerTask, Long kernelStackBytesPerTask,
                  Long heapBytesBefore, Long heapBytesAfter, Long rssBytesBefore, Long rssBytesAfter, Integer liveThreadsAfter,
                  Long parkMillis, String skipped, Environment env) {

        /** What one parked task costs the machine: resident memory plus the kernel stack of an OS thread. */
        public Long totalBytesPerTask() {
            return rssBytesPerTask == null ? null : rssBytesPerTask + Math.max(0, kernelStackBytesPerTask == null ? 0 : kernelStackBytesPerTask);
        }
    }


    public static Result measure(Model model, int tasks) throws InterruptedException {
        Environment env = Environment.current();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // Warm the code paths once with a few tasks, so the baseline holds the classes and JIT code already.
        try (Parked warm = park(model, 100)) {
            warm.awaitParked();
        }
        settle();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        long rssBefore = rssBytes();
        long kernelBefore = kernelStackBytes();
        long start = System.nanoTime();
        try (Parked parked = park(model, tasks)) {
            parked.awaitParked();
            long parkMillis = (System.nanoTime() - start) / 1_000_000;
            settle();
            long heapAfter = memory.getHeapMemoryUsage().getUsed();
            long rssAfter = rssBytes();
            long kernelAfter = kernelStackBytes();
            int threads = ManagementFactory.getThreadMXBean().getThreadCount();
            return new Result(model.id(), tasks, (heapAfter - heapBefore) / tasks,
                    rssBefore < 0 ? null : (rssAfter - rssBefore) / tasks,
                    kernelBefore < 0 ? null : (kernelAfter - kernelBefore) / tasks, heapBefore, heapAfter,
                    rssBefore < 0 ? null : rssBefore, rssBefore < 0 ? null : rssAfter, threads, parkMillis, null, env);
        }
    }

    /** Tasks that wait until closed. */
    private interface Parked extends AutoCloseable {
        void awaitParked() throws InterruptedException;

        @Override
        void close() throws InterruptedException;
    }

    private static Parked park(Model model, int tasks) {
        return switch (model) {
            case PLATFORM -> threads(Thread.ofPlatform().name("parked-", 0), tasks);
            case VIRTUAL -> threads(Thread.ofVirtual().name("parked-", 0), tasks);
            case EVENT_LOOP -> timers(tasks);
        };
    }

    /** {@code tasks} threads of {@code builder}'s kind, each blocked on one latch. */
    private static Parked threads(Thread.Builder builder, int tasks) {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch parked = new CountDownLatch(tasks);
        CountDownLatch exited = new CountDownLatch(tasks);
        Runnable task = () -> {
            parked.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exited.countDown();
            }
        };
        for (int i = 0; i < tasks; i++) {
            builder.start(task);
        }
        return new Parked() {
            @Override
            public void awaitParked() throws InterruptedException {
                parked.await();
                Thread.sleep(200);  // the last ones counted down and are about to block in await()
            }

            @Override
            public void close() throws InterruptedException {
                release.countDown();
                exited.await();
            }
        };
    }

    /** {@code tasks} timers pending on the event loops, each completing a promise that has a listener. */
    private static Parked timers(int tasks) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(), NioIoHandler.newFactory());
        LongAdder fired = new LongAdder();
        for (int i = 0; i < tasks; i++) {
            EventLoop loop = (EventLoop) group.next();
            Promise<Long> promise = loop.newPromise();
            promise.addListener(done -> fired.increment());
            long value = i;
            loop.schedule(() -> promise.trySuccess(value), 1, TimeUnit.HOURS);
        }
        return new Parked() {
            @Override
            public void awaitParked() throws InterruptedException {
                for (var loop : group) {
                    ((EventLoop) loop).submit(() -> { }).sync();  // every schedule() before it is now a timer on the loop
                }
            }

            @Override
            public void close() {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            }
        };
    }

    /** Full GCs until heap use stops falling, so what remains is what the parked tasks hold. */
    private static void settle() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used >= last - 64 * 1024) {
                return;
            }
            last = used;
        }
    }

    /** Memory of every thread's kernel stack on this machine (Linux /proc/meminfo KernelStack); -1 elsewhere. */
    static long kernelStackBytes() {
        try {
            for (String line : Files.readAllLines(MEMINFO)) {
                if (line.startsWith("KernelStack:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Resident set size from /proc (Linux); -1 elsewhere. */
    static long rssBytes() {
        try {
            String[] fields = Files.readAllLines(STATM).get(0).trim().split("\\s+");
            return Long.parseLong(fields[1]) * PAGE_SIZE;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
