package dev.tva.lessons;

import dev.tva.async.LoopLagProbe;
import dev.tva.workloads.CpuKernel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.HdrHistogram.Histogram;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/*
 * NOBODY PREEMPTS A TASK THAT WILL NOT YIELD.
 *
 * An event loop runs one task at a time, and a task gives the loop back only when it returns: that is
 * cooperative multitasking. A request that computes for 50 ms on the loop holds up every other task
 * there for those 50 ms. A probe timer due every 5 ms (LoopLagProbe) measures how late it runs: the
 * loop's lag. The fix, cpu work offloaded to a pool sized to the cores, gives the loop back at once.
 *
 * Virtual threads are not time-sliced either: a virtual thread gives its carrier back only when it
 * blocks (sleeps, waits for I/O, parks). With every carrier computing, a virtual thread whose sleep is
 * over waits for a carrier as long as the computing lasts. The fix: give the CPU work its own executor
 * of platform threads, which the operating system does time-slice, and keep the carriers for waiting.
 */

/** {@code lab lesson cooperative}: CPU work on an event loop and on the carriers, measured by how late a timer runs. */
public final class CooperativeLesson implements Lesson<CooperativeLesson.Result> {
    private static final Duration PROBE_PERIOD = Duration.ofMillis(5);

    @Override
    public String id() {
        return "cooperative";
    }

    @Override
    public Section section() {
        return Section.EVENT_LOOP;
    }

    @Override
    public String summary() {
        return "Nobody preempts a task that will not yield: CPU work delays an event loop's timers and a virtual thread's wake-up; the fixes, measured";
    }

    @Override
    public int expectedSeconds() {
        return 6;
    }

    /** A probe's lateness: median, 99th percentile and worst, in microseconds. */
    public record Lateness(long p50Micros, long p99Micros, long maxMicros, long samples) {
        static Lateness of(Histogram h) {
            return new Lateness(h.getValueAtPercentile(50), h.getValueAtPercentile(99), h.getMaxValue(), h.getTotalCount());
        }

        String describe() {
            return String.format(Locale.ROOT, "p50 %s, p99 %s, max %s ms (%d ticks)", ms(p50Micros), ms(p99Micros), ms(maxMicros), samples);
        }
    }

    /** The numbers: each demonstration's lateness, beside how long the CPU work that caused it really took (ms). */
    public record Result(long taskMillis, Lateness cpuOnTheLoop, Lateness offloadedToPool,
                         long hogMillis, int carriers, Lateness cpuOnVirtualThreads, Lateness cpuOnItsOwnExecutor) implements LessonResult {
        public boolean loopShown() {
            return cpuOnTheLoop.p99Micros() >= taskMillis * 1000 / 2 && offloadedToPool.p99Micros() * 4 < cpuOnTheLoop.p99Micros();
        }

        public boolean virtualShown() {
            return cpuOnVirtualThreads.maxMicros() >= hogMillis * 1000 / 2 && cpuOnItsOwnExecutor.maxMicros() * 4 < cpuOnVirtualThreads.maxMicros();
        }

        @Override
        public boolean shown() {
            return loopShown() && virtualShown();
        }

        @Override
        public String notice() {
            return String.format(Locale.ROOT, "With %d ms requests computing on the loop, the 5 ms probe ran up to %s ms late (p99 %s ms): every other task"
                            + " on that loop waited as long. Offloaded to a pool of cores, the loop's p99 lag fell to %s ms (%s)."
                            + " With every one of the %d carriers computing for %d ms, a virtual thread's 5 ms sleep ended up to %s ms late: no time-slicing"
                            + " takes a carrier from a virtual thread that does not block. The same CPU work on its own executor left it at most %s ms late (%s).",
                    taskMillis, ms(cpuOnTheLoop.maxMicros()), ms(cpuOnTheLoop.p99Micros()), ms(offloadedToPool.p99Micros()),
                    loopShown() ? "the fix works" : "not the clear drop expected: the machine may have been busy",
                    carriers, hogMillis, ms(cpuOnVirtualThreads.maxMicros()), ms(cpuOnItsOwnExecutor.maxMicros()),
                    virtualShown() ? "the operating system time-slices platform threads" : "not the clear drop expected: the machine may have been busy");
        }
    }

    @Override
    public Result run(PrintWriter out, LessonSettings settings) throws InterruptedException {
        int cores = Runtime.getRuntime().availableProcessors();
        double nanosPerUnit = CpuKernel.nanosPerUnit(settings.pick(250, 150));
        long taskMillis = 50;
        int requests = settings.pick(15, 8);
        long hogMillis = settings.pick(500, 200);
        int carriers = Integer.getInteger("jdk.virtualThreadScheduler.parallelism", cores);

        out.printf(Locale.ROOT, "1. One event loop. %d requests arrive, one every %d ms; each computes for %d ms. A probe timer is due every %d ms.%n",
                requests, 2 * taskMillis, taskMillis, PROBE_PERIOD.toMillis());
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("lesson-loop"), NioIoHandler.newFactory());
        ExecutorService pool = Executors.newFixedThreadPool(cores, Thread.ofPlatform().name("cpu-pool-", 1).factory());
        Lateness onLoop;
        Lateness offloaded;
        Took onLoopTook = new Took();
        try (LoopLagProbe probe = LoopLagProbe.start(group.next(), PROBE_PERIOD)) {
            EventLoop loop = group.next();
            int units = units(taskMillis, nanosPerUnit);
            onLoop = requests(probe, requests, taskMillis, done -> loop.execute(() -> cpuOnTheLoop(units, onLoopTook, done)));
            out.println("   cpuOnTheLoop:     probe lag " + onLoop.describe() + "; each request computed " + onLoopTook.meanMillis() + " ms");
            offloaded = requests(probe, requests, taskMillis, done -> loop.execute(() -> offloadedToPool(loop, pool, units, new Took(), done)));
            out.println("   offloadedToPool:  probe lag " + offloaded.describe() + " (a pool of " + cores + " threads computes)");
        } finally {
            pool.shutdownNow();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }

        out.printf(Locale.ROOT, "%n2. Virtual threads on %d carriers. A virtual thread sleeps 5 ms again and again; %d tasks compute for %d ms each.%n",
                carriers, carriers, hogMillis);
        int hogUnits = units(hogMillis, nanosPerUnit);
        Took hogsTook = new Took();
        Lateness onCarriers = wakeUpLateness(() -> cpuOnVirtualThreads(carriers, hogUnits, hogsTook));
        out.println("   cpuOnVirtualThreads:   the sleeper woke " + onCarriers.describe().replace("ticks", "sleeps") + " late; each task computed "
                + hogsTook.meanMillis() + " ms");
        Lateness ownExecutor = wakeUpLateness(() -> cpuOnItsOwnExecutor(carriers, hogUnits, new Took()));
        out.println("   cpuOnItsOwnExecutor:   the sleeper woke " + ownExecutor.describe().replace("ticks", "sleeps") + " late");
        out.flush();
        // The claims compare lateness with how long the computing really took here.
        return new Result(onLoopTook.meanMillis(), onLoop, offloaded, hogsTook.meanMillis(), carriers, onCarriers, ownExecutor);
    }

    /** The bug: the request computes on the loop, which runs nothing else meanwhile. */
    private static void cpuOnTheLoop(int units, Took took, CountDownLatch done) {
        took.run(units);
        done.countDown();
    }

    /** The fix: the loop hands the computing to the pool and is handed the result back. */
    private static void offloadedToPool(EventLoop loop, ExecutorService pool, int units, Took took, CountDownLatch done) {
        pool.execute(() -> {
            long checksum = took.run(units);
            loop.execute(() -> answer(checksum, done));
        });
    }

    private static void answer(long checksum, CountDownLatch done) {
        done.countDown();
    }

    /** Delivers {@code n} requests to the loop, one every {@code 2 x taskMillis}, waits for their answers, and returns the probe's lag meanwhile. */
    private static Lateness requests(LoopLagProbe probe, int n, long taskMillis, java.util.function.Consumer<CountDownLatch> deliver)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(n);
        Thread.sleep(4 * PROBE_PERIOD.toMillis());
        probe.reset();
        for (int i = 0; i < n; i++) {
            deliver.accept(done);
            Thread.sleep(2 * taskMillis);
        }
        done.await();
        return Lateness.of(probe.lag());
    }

    /** The bug: CPU work on virtual threads, as many as there are carriers. */
    private static void cpuOnVirtualThreads(int n, int units, Took took) throws InterruptedException {
        List<Thread> hogs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hogs.add(Thread.ofVirtual().name("cpu-virtual-" + i).start(() -> took.run(units)));
        }
        for (Thread hog : hogs) {
            hog.join();
        }
    }

    /** The fix: the same work on an executor of its own, platform threads the operating system time-slices. */
    private static void cpuOnItsOwnExecutor(int n, int units, Took took) throws InterruptedException {
        ExecutorService cpu = Executors.newFixedThreadPool(n, Thread.ofPlatform().name("cpu-own-", 1).factory());
        try {
            for (int i = 0; i < n; i++) {
                cpu.execute(() -> took.run(units));
            }
        } finally {
            cpu.shutdown();
            cpu.awaitTermination(1, TimeUnit.MINUTES);
        }
    }

    private interface Work {
        void run() throws InterruptedException;
    }

    /** Runs {@code work} while a virtual thread sleeps 5 ms in a loop; returns how late its sleeps ended. */
    private static Lateness wakeUpLateness(Work work) throws InterruptedException {
        Histogram late = new Histogram(60_000_000L, 3);
        AtomicLong stop = new AtomicLong();
        Thread sleeper = Thread.ofVirtual().name("sleeper").start(() -> {
            while (stop.get() == 0) {
                long due = System.nanoTime() + PROBE_PERIOD.toNanos();
                try {
                    Thread.sleep(PROBE_PERIOD);
                } catch (InterruptedException e) {
                    return;
                }
                synchronized (late) {
                    late.recordValue(Math.min(late.getHighestTrackableValue(), Math.max(0, System.nanoTime() - due) / 1_000));
                }
            }
        });
        Thread.sleep(4 * PROBE_PERIOD.toMillis());
        synchronized (late) {
            late.reset();
        }
        work.run();
        Thread.sleep(2 * PROBE_PERIOD.toMillis());
        stop.set(1);
        sleeper.join();
        synchronized (late) {
            return Lateness.of(late);
        }
    }

    /** How long the CPU work really took here, on average: the claims are measured against it, not against the plan. */
    private static final class Took {
        private final java.util.concurrent.atomic.LongAdder nanos = new java.util.concurrent.atomic.LongAdder();
        private final java.util.concurrent.atomic.LongAdder runs = new java.util.concurrent.atomic.LongAdder();

        long run(int units) {
            long start = System.nanoTime();
            long checksum = CpuKernel.run(units, start);
            nanos.add(System.nanoTime() - start);
            runs.increment();
            return checksum;
        }

        long meanMillis() {
            return runs.sum() == 0 ? 0 : nanos.sum() / runs.sum() / 1_000_000;
        }
    }

    private static int units(long millis, double nanosPerUnit) {
        return (int) Math.max(1, Math.round(millis * 1e6 / nanosPerUnit));
    }

    static String ms(long micros) {
        return String.format(Locale.ROOT, micros < 10_000 ? "%.1f" : "%.0f", micros / 1000.0);
    }
}

/*
 * HOW TO RUN
 *
 *   ./lab lesson cooperative
 *
 * Output: docs/lessons/cooperative.md (filled by docs/lessons/regenerate.sh, with its environment line).
 */
