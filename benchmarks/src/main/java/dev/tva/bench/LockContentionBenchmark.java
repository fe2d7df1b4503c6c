package dev.tva.bench;

import dev.tva.workloads.Model;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Many threads fight over one lock: are virtual threads slower at it than platform threads?
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
@State(Scope.Benchmark)
public class LockContentionBenchmark {

    /*
     * THREADS workers of the model each increment one shared counter INCREMENTS times, each increment
     * inside the lock, with no back-off between increments: as much contention as there can be. The
     * score is the time per increment. The workers are started once per trial and wait for work on a
     * queue, so thread start-up is not measured.
     *
     * A contended platform thread spins a little, then parks in the kernel (a futex). A contended
     * virtual thread parks too, but parking a virtual thread unmounts it and unparking queues it on a
     * carrier, extra scheduling that platform threads do not pay. Public reports say virtual threads are
     * far slower under this kind of contention; this suite reproduces or refutes that on the running JDK.
     * The counter's final value proves the lock excluded (no increment lost).
     */

    public static final int THREADS = 8;
    static final int INCREMENTS = 10_000;

    @Param({"platform", "virtual"})
    public String model;

    private final Object monitor = new Object();
    private final ReentrantLock lock = new ReentrantLock();
    private long counter;
    private Thread[] workers;
    private BlockingQueue<Runnable>[] mailboxes;

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void setUp() {
        Thread.Builder builder = switch (Model.fromId(model)) {
            case PLATFORM -> Thread.ofPlatform().name("platform-", 0);
            case VIRTUAL -> Thread.ofVirtual().name("virtual-", 0);
            case EVENT_LOOP -> throw new IllegalArgumentException("locks are a threads lesson; event loops never contend");
        };
        workers = new Thread[THREADS];
        mailboxes = new BlockingQueue[THREADS];
        for (int i = 0; i < THREADS; i++) {
            BlockingQueue<Runnable> mailbox = new ArrayBlockingQueue<>(1);
            mailboxes[i] = mailbox;
            workers[i] = builder.start(() -> {
                try {
                    while (true) {
                        mailbox.take().run();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        for (Thread worker : workers) {
            worker.interrupt();
            worker.join();
        }
    }

    @Benchmark
    @OperationsPerInvocation(THREADS * INCREMENTS)
    public long synchronizedCounter() throws InterruptedException {
        return onEveryWorker(() -> {
            for (int i = 0; i < INCREMENTS; i++) {
                synchronized (monitor) {
                    counter++;
                }
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(THREADS * INCREMENTS)
    public long reentrantLockCounter() throws InterruptedException {
        return onEveryWorker(() -> {
            for (int i = 0; i < INCREMENTS; i++) {
                lock.lock();
                try {
                    counter++;
                } finally {
                    lock.unlock();
                }
            }
        });
    }

    /** Runs {@code increments} on every worker at once; returns the counter after the last one finished. */
    private long onEveryWorker(Runnable increments) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(THREADS);
        for (BlockingQueue<Runnable> mailbox : mailboxes) {
            mailbox.put(() -> {
                increments.run();
                done.countDown();
            });
        }
        done.await();
        return counter;  // the latch orders every increment before this read
    }

    /*
     * HOW TO RUN
     *
     *   java -jar benchmarks/target/benchmarks.jar LockContention
     *   ./lab bench --suite LockContention
     *
     * Output of `./lab bench` (each suite's settings above: 2 forks, warm-up 3 x 2 s, measurement 5 x 2 s),
     * 2026-11-24, JMH's summary lines for this suite (parameter columns that are N/A here left out),
     * Eclipse Adoptium JDK 25.0.3, 2 cores (shared by everything the benchmark starts), Linux 6.18:
     *
     *   Benchmark                                      (model)  Mode  Cnt   Score      Error  Units
     *   LockContentionBenchmark.reentrantLockCounter  platform  avgt   10  26.296  ±   2.502  ns/op
     *   LockContentionBenchmark.reentrantLockCounter   virtual  avgt   10  41.304  ±   3.430  ns/op
     *   LockContentionBenchmark.synchronizedCounter   platform  avgt   10  90.577  ±  63.324  ns/op
     *   LockContentionBenchmark.synchronizedCounter    virtual  avgt   10  87.461  ±  30.002  ns/op
     */
}
