package dev.tva.threads.server;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Holds every carrier of the virtual-thread scheduler with a virtual thread that computes and never blocks, so
 * that every other virtual thread waits in the scheduler's queue until {@link #close()}: a scheduler behind, made
 * on purpose.
 */
final class Carriers implements AutoCloseable {
    private final AtomicBoolean held = new AtomicBoolean(true);
    private final List<Thread> spinners = new ArrayList<>();

    private Carriers() {
    }

    /** Returns once every carrier runs a spinner. */
    static Carriers hold() throws InterruptedException {
        int carriers = Integer.getInteger("jdk.virtualThreadScheduler.parallelism", Runtime.getRuntime().availableProcessors());
        Carriers c = new Carriers();
        CountDownLatch running = new CountDownLatch(carriers);
        for (int i = 0; i < carriers; i++) {
            c.spinners.add(Thread.ofVirtual().name("carrier-holder-" + i).start(() -> {
                running.countDown();
                while (c.held.get()) {
                    Thread.onSpinWait();
                }
            }));
        }
        running.await();
        return c;
    }

    @Override
    public void close() throws InterruptedException {
        held.set(false);
        for (Thread t : spinners) {
            t.join();
        }
    }
}
