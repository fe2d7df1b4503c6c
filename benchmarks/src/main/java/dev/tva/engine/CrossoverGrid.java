package dev.tva.engine;

import dev.tva.workloads.RunResult;
import dev.tva.workloads.Workload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The cells of a crossover sweep: every share of a task spent waiting by every number of tasks in flight,
 * each task a {@code mixed} one of {@link #TASK_MICROS} split into a backend wait and CPU work.
 *
 * @param quick          true for the grid of {@code --quick}
 * @param waitShares     shares of a task spent waiting, each in [0, 1), in the order of the map's rows
 * @param concurrencies  tasks in flight, each at least 1, in the order of the map's columns
 * @param measurement    how every run of every cell is measured
 */
public record CrossoverGrid(boolean quick, List<Double> waitShares, List<Integer> concurrencies, Measurement measurement) {
    /*
     * Why 20 ms per task. A pool of 200 platform threads holds 200 tasks at once, so it runs out at
     * 200 / 20 ms = 10,000 tasks/s. Two cores run out at 2 / (CPU per task), and each backend call costs
     * about 60 to 120 us of CPU here, the model's and the backend's (the tour's http rows), before any
     * kernel work. With 20 ms the pool, not the cores, is the limit once a task computes less than about
     * half a percent of its time: the map shows both sides of that line. With 10 ms the pool's limit
     * (20,000/s) is about what two cores give a bare call, so little would cross; with 100 ms a window of
     * 250 ms at 10 in flight would count 25 tasks, too few to measure.
     *
     * Shares are dense near 1 because that is where the line lies on 2 cores; at 0.9 and below two cores
     * are the limit of every model (or, with few tasks in flight, Little's law is), and the cells show
     * parity. More cores move the line down. Tasks in flight go from well under the pool's 200 threads to
     * well over it: above 200 the pool queues the rest.
     *
     * What a cell costs beyond its windows: each run is a JVM of its own that starts and opens its
     * connections before it warms up (about 3 s of that per run were measured here while other builds
     * shared the cores), and at its end the tasks still in flight finish their CPU work before the model
     * closes: in flight x CPU per task / cores, 5 s for 1,000 tasks of 10 ms. So the quick grid's most
     * computing row is 0.9, not 0.5, and the full grid starts at 0.5.
     */

    /** The time budget of one task, split between its wait and its CPU work by the cell's share. */
    public static final long TASK_MICROS = 20_000;
    /** The size of each backend answer: the lab's default, so the call is the same as {@code lab compare}'s. */
    public static final int ANSWER_BYTES = 16;

    /** {@code --quick}: 9 cells, each model's run about 3 s (windows of 250 ms, warm-up at most 2 s, 4 measured). */
    public static final CrossoverGrid QUICK = new CrossoverGrid(true, List.of(0.9, 0.99, 0.999), List.of(10, 300, 1_000),
            new Measurement(Duration.ofMillis(250), 4, Duration.ofSeconds(2), 1, null));
    /** The reference sweep: 28 cells, each model's run about 6 s (windows of 500 ms, warm-up at most 3 s, 5 measured). */
    public static final CrossoverGrid FULL = new CrossoverGrid(false, List.of(0.5, 0.9, 0.97, 0.99, 0.995, 0.998, 0.999),
            List.of(10, 100, 300, 1_000), new Measurement(Duration.ofMillis(500), 5, Duration.ofSeconds(3), 1, null));

    public CrossoverGrid {
        waitShares = List.copyOf(waitShares);
        concurrencies = List.copyOf(concurrencies);
        if (waitShares.isEmpty() || concurrencies.isEmpty()) {
            throw new IllegalArgumentException("a grid needs at least one share and one count of tasks in flight");
        }
        for (double share : waitShares) {
            if (!(share >= 0 && share < 1)) {
                throw new IllegalArgumentException("a wait share is in [0, 1), got " + share);
            }
        }
        for (int c : concurrencies) {
            if (c < 1) {
                throw new IllegalArgumentException("tasks in flight must be at least 1, got " + c);
            }
        }
    }

    /** The same grid, every run repeated in {@code forks} fresh JVMs. */
    public CrossoverGrid withForks(int forks) {
        return new CrossoverGrid(quick, waitShares, concurrencies, measurement.withForks(forks));
    }

    /** Every cell, share by share (the map's rows), in flight within each share (its columns). */
    public List<Point> points(double nanosPerUnit) {
        List<Point> points = new ArrayList<>();
        for (double share : waitShares) {
            for (int concurrency : concurrencies) {
                points.add(Point.of(share, concurrency, nanosPerUnit));
            }
        }
        return points;
    }

    /** How many cells the grid has (each runs every model). */
    public int cells() {
        return waitShares.size() * concurrencies.size();
    }

    /**
     * One cell's task: a backend call answered after {@code waitMillis}, then {@code cpuUnits} of the kernel
     * (about {@code cpuMicros} of CPU here), with {@code concurrency} tasks in flight.
     */
    public record Point(double waitShare, long waitMillis, int cpuUnits, double cpuMicros, int concurrency) {

        /**
         * The cell for {@code share} of {@link #TASK_MICROS} spent waiting, with a kernel unit costing
         * {@code nanosPerUnit}: the wait rounded to whole milliseconds, the rest as kernel units, at least
         * one, so that every task computes a little and every cell has a CPU bound.
         */
        public static Point of(double share, int concurrency, double nanosPerUnit) {
            if (!(nanosPerUnit > 0)) {
                throw new IllegalArgumentException("a kernel unit costs a positive time, got " + nanosPerUnit + " ns");
            }
            long waitMillis = Math.round(share * TASK_MICROS / 1000.0);
            double cpuNanos = (1 - share) * TASK_MICROS * 1000.0;
            int units = (int) Math.max(1, Math.round(cpuNanos / nanosPerUnit));
            double cpuMicros = Math.round(units * nanosPerUnit / 10.0) / 100.0;  // to a hundredth of a microsecond
            return new Point(share, waitMillis, units, cpuMicros, concurrency);
        }

        /** What each task of this cell does. */
        public Workload.Mixed workload() {
            return new Workload.Mixed(new Workload.Http(waitMillis, ANSWER_BYTES), new Workload.Cpu(cpuUnits, 0));
        }

        /** The cell as written to results, with its runs. */
        public CrossoverResult.Cell cell(List<RunResult> runs) {
            return new CrossoverResult.Cell(waitShare, waitMillis, cpuUnits, cpuMicros, concurrency, runs);
        }
    }
}
