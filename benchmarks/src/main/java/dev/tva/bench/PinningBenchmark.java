package dev.tva.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Does a virtual thread that blocks give its carrier back? Not while it is pinned.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = "-Djdk.virtualThreadScheduler.parallelism=" + PinningBenchmark.CARRIERS)
@State(Scope.Benchmark)
public class PinningBenchmark {

    /*
     * TASKS virtual threads each block for SLEEP_MILLIS, on CARRIERS carrier threads. Unpinned, the
     * sleeps overlap: an operation takes about SLEEP_MILLIS. Pinned, a sleeping virtual thread keeps
     * its carrier, so only CARRIERS sleep at a time: about TASKS / CARRIERS x SLEEP_MILLIS.
     *
     * Each task blocks holding something of its own, so there is no contention, only pinning:
     *   unpinned                     nothing held.
     *   reentrantLockNeverPins       a java.util.concurrent lock: parking unmounts, on every JDK.
     *   synchronizedPinsBeforeJdk24  a monitor: pins on JDK 21 to 23; JDK 24+ (JEP 491) unmounts.
     *   classInitializerPins         a class initializer (a fresh hidden class per task): the VM runs
     *                                it with a native frame on the stack, which pins on every JDK.
     * (A native method or an upcall on the stack pins the same way; Java 21 code cannot make one
     * without JNI or the preview FFM API, so the class initializer stands in for it.)
     * The setup prints which behaviour the running JDK should show. The evidence that a thread was
     * pinned is JFR's jdk.VirtualThreadPinned event: PinningBenchmarkTest checks it for each case.
     *
     * The output at the end of this file came from JDK 25.0.3: there `synchronized` did not pin (it
     * took as long as `unpinned`) and the class initializer did (about 16 x 5 ms). On JDK 21 to 23,
     * expect `synchronizedPinsBeforeJdk24` to take as long as `classInitializerPins`.
     */

    public static final int TASKS = 16;
    public static final int CARRIERS = 1;
    public static final long SLEEP_MILLIS = 5;

    private byte[] initializerClass;

    @Setup
    public void setUp() throws IOException {
        try (InputStream in = SleepsInInitializer.class.getResourceAsStream("SleepsInInitializer.class")) {
            initializerClass = in.readAllBytes();
        }
        int jdk = Runtime.version().feature();
        System.out.println("# JDK " + jdk + ": synchronized " + (synchronizedPins() ? "pins" : "does not pin (JEP 491)")
                + "; a class initializer pins; ReentrantLock does not pin");
    }

    /** What JEP 491 changed: before JDK 24, blocking inside synchronized pins the carrier. */
    static boolean synchronizedPins() {
        return Runtime.version().feature() < 24;
    }

    @Benchmark
    public int unpinned() throws InterruptedException {
        return inVirtualThreads(() -> Thread.sleep(SLEEP_MILLIS));
    }

    @Benchmark
    public int reentrantLockNeverPins() throws InterruptedException {
        return inVirtualThreads(() -> {
            ReentrantLock lock = new ReentrantLock();
            lock.lock();
            try {
                Thread.sleep(SLEEP_MILLIS);
            } finally {
                lock.unlock();
            }
        });
    }

    @Benchmark
    public int synchronizedPinsBeforeJdk24() throws InterruptedException {
        return inVirtualThreads(() -> {
            Object monitor = new Object();
            synchronized (monitor) {
                Thread.sleep(SLEEP_MILLIS);
            }
        });
    }

    @Benchmark
    public int classInitializerPins() throws InterruptedException {
        return inVirtualThreads(() -> MethodHandles.lookup().defineHiddenClass(initializerClass, true));
    }

    interface Blocking {
        void run() throws Exception;
    }

    /** Runs {@code body} in TASKS virtual threads at once; returns how many finished without failing. */
    private static int inVirtualThreads(Blocking body) throws InterruptedException {
        Thread[] threads = new Thread[TASKS];
        int[] finished = new int[TASKS];
        for (int i = 0; i < TASKS; i++) {
            int task = i;
            threads[i] = Thread.ofVirtual().start(() -> {
                try {
                    body.run();
                    finished[task] = 1;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        int total = 0;
        for (int i = 0; i < TASKS; i++) {
            threads[i].join();
            total += finished[i];
        }
        return total;
    }

    /*
     * HOW TO RUN
     *
     *   java -jar benchmarks/target/benchmarks.jar Pinning
     *   ./lab bench --suite Pinning
     *
     * Output of `./lab bench` (each suite's settings above: 2 forks, warm-up 3 x 2 s, measurement 5 x 2 s),
     * 2026-11-24, JMH's summary lines for this suite (parameter columns that are N/A here left out),
     * Eclipse Adoptium JDK 25.0.3, 2 cores (shared by everything the benchmark starts), Linux 6.18:
     *
     *   Benchmark                                     Mode  Cnt   Score     Error  Units
     *   PinningBenchmark.classInitializerPins         avgt   10  85.385  ±  1.096  ms/op
     *   PinningBenchmark.reentrantLockNeverPins       avgt   10   5.498  ±  0.360  ms/op
     *   PinningBenchmark.synchronizedPinsBeforeJdk24  avgt   10   5.318  ±  0.217  ms/op
     *   PinningBenchmark.unpinned                     avgt   10   5.235  ±  0.029  ms/op
     */
}
