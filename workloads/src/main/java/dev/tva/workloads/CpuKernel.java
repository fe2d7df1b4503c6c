package dev.tva.workloads;

/**
 * The one CPU-bound kernel every model runs: deterministic, seeded, and returning a checksum so the
 * JIT cannot drop the work.
 *
 * <p>One unit is {@value #ITERATIONS_PER_UNIT} rounds of a xorshift step feeding a multiply-add: a
 * serial dependency chain, so it cannot be vectorised or folded and costs the same on every model.
 */
public final class CpuKernel {
    /** Rounds per unit; one unit costs a few microseconds ({@code ./lab calibrate} measures it here). */
    public static final int ITERATIONS_PER_UNIT = 4_096;

    private CpuKernel() {
    }

    /** Runs {@code units} units seeded with {@code seed} and returns their checksum. */
    public static long run(int units, long seed) {
        long x = mix(seed);
        long acc = 0;
        for (int u = 0; u < units; u++) {
            for (int i = 0; i < ITERATIONS_PER_UNIT; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
                acc = acc * 0x9E3779B97F4A7C15L + x;
            }
        }
        return acc ^ x;
    }

    /** SplitMix64 finaliser: spreads small seeds (0, 1, 2...) over the whole state space; never 0. */
    static long mix(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return z == 0 ? 0x2545F4914F6CDD1DL : z;
    }

    /**
     * Measures the single-thread cost of one unit in nanoseconds on this machine, after a JIT warm-up.
     * Takes about {@code 2 * millis}.
     */
    public static double nanosPerUnit(long millis) {
        long sink = 0;
        long warmEnd = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < warmEnd) {
            sink += run(10, sink);
        }
        long units = 0;
        long start = System.nanoTime();
        long end = start + millis * 1_000_000;
        long now;
        do {
            sink += run(10, sink);
            units += 10;
            now = System.nanoTime();
        } while (now < end);
        if (sink == 42) {
            System.out.print("");
        }
        return (double) (now - start) / units;
    }
}
