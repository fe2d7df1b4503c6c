package dev.tva.workloads;

import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;

/**
 * Makes Netty's leak detector report now what it would otherwise report some time later: a buffer
 * dropped without {@code release()} is only reported after the garbage collector has found it and
 * the detector has next looked, which it does when it tracks a new buffer.
 */
public final class LeakSweep {
    private static final int ROUNDS = 3;
    private static final long PAUSE_MILLIS = 20;

    private LeakSweep() {
    }

    /** True when every buffer is tracked ({@code paranoid}): only then does one allocation make the detector look. */
    public static boolean paranoid() {
        return ResourceLeakDetector.getLevel() == ResourceLeakDetector.Level.PARANOID;
    }

    /**
     * Collects garbage, waits for the collected buffers to be queued, then allocates and releases a
     * heap and a direct buffer, which makes the detector report every queued leak (at level
     * {@code paranoid}; at lower levels it looks at a sample of allocations only). Done a few times
     * over, since one collection may not find everything.
     */
    public static void run() {
        for (int round = 0; round < ROUNDS; round++) {
            System.gc();
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            ByteBufAllocator.DEFAULT.heapBuffer(1).release();
            ByteBufAllocator.DEFAULT.directBuffer(1).release();
        }
    }

    /** Sweeps when the detector is {@code paranoid} (a test run), so a child JVM reports its leaks before it exits. */
    public static void beforeExit() {
        if (paranoid()) {
            run();
        }
    }
}
