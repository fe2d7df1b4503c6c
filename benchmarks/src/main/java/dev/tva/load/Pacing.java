package dev.tva.load;

import java.util.List;

/**
 * When each request of an open-model run falls due, counted from the run's start: request {@code i} of
 * a step at rate {@code r} is due {@code i / r} after the step began, and each step begins when the one
 * before it ends. The warm-up is the first step, at the rate of the first measured one.
 */
final class Pacing {
    /**
     * The first request of each step, and after the last step one that never comes ({@code Long.MAX_VALUE}): with it,
     * moving to the next step is one comparison, the same in the warm-up's steps as in the last one. A check for the end
     * of the array, true in every step but the last, left that case uncompiled until the measured part reached it.
     */
    private final long[] firstIndex;
    private final long[] startNanos;
    private final double[] nanosPerRequest;
    /** The step of the last index asked for: indexes are asked in increasing order, so this only moves on. */
    private int step;

    Pacing(List<RateStep> steps) {
        int n = steps.size();
        firstIndex = new long[n + 1];
        startNanos = new long[n];
        nanosPerRequest = new double[n];
        long index = 0;
        long start = 0;
        for (int k = 0; k < n; k++) {
            RateStep s = steps.get(k);
            firstIndex[k] = index;
            startNanos[k] = start;
            nanosPerRequest[k] = 1e9 / s.ratePerSec();
            index += s.requests();
            start += s.duration().toNanos();
        }
        firstIndex[n] = Long.MAX_VALUE;
    }

    /** Nanoseconds from the run's start to when request {@code index} is due; never earlier than the previous index's. */
    long offsetNanos(long index) {
        while (index >= firstIndex[step + 1]) {
            step++;
        }
        while (step > 0 && index < firstIndex[step]) {
            step--;
        }
        return startNanos[step] + (long) ((index - firstIndex[step]) * nanosPerRequest[step]);
    }
}
