package dev.tva.lessons;

import dev.tva.workloads.CpuKernel;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/*
 * CONCURRENCY INTERLEAVES; PARALLELISM OVERLAPS (the tutorial's dinner for six).
 *
 * Four dishes of pure CPU work: rice 20, chicken 15, vegetables 10, salad 5 "minutes", one minute being
 * a slice of the lab's CPU kernel. Each dish is cooked a slice at a time; after a slice it goes back in
 * the queue, so a cook switches between dishes as Sarah does.
 *
 * With one cook (a pool of one thread) every dish is in progress at once, but at any instant only one
 * slice runs: concurrency, and the dinner takes the sum of the work. With two cooks on a machine with
 * two cores, two slices run at the same instant: parallelism, and the dinner takes about half.
 * An event loop is one cook. Async gives concurrency; it adds no core to compute on.
 */

/** {@code lab lesson parallelism}: the same CPU tasks on one thread and on two, as timelines. */
public final class ParallelismLesson implements Lesson<ParallelismLesson.Result> {
    private static final String[] DISHES = {"rice", "chicken", "vegetables", "salad"};
    private static final int[] MINUTES = {20, 15, 10, 5};

    @Override
    public String id() {
        return "parallelism";
    }

    @Override
    public Section section() {
        return Section.PARALLELISM;
    }

    @Override
    public String summary() {
        return "Dinner for six: the same CPU tasks on one thread (they interleave) and on two (they overlap), as timelines";
    }

    @Override
    public int expectedSeconds() {
        return 3;
    }

    /** When one slice of one dish ran, and on which cook. */
    record Slice(int dish, String cook, long fromMicros, long toMicros) {
    }

    /** One dinner: its slices and its wall time. */
    record Dinner(int cooks, long wallMicros, long cpuMicros, List<Slice> slices) {
        /** The cores' worth of CPU this JVM got during the dinner: at most the cooks, less when another process had a core. */
        double coresUsed() {
            return wallMicros == 0 ? 0 : (double) cpuMicros / wallMicros;
        }

        /** Time during which at least two slices ran at the same instant. */
        long overlapMicros() {
            TreeSet<long[]> edges = new TreeSet<>(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]).thenComparingLong(e -> e[2]));
            long id = 0;
            for (Slice s : slices) {
                edges.add(new long[] {s.fromMicros(), +1, id});
                edges.add(new long[] {s.toMicros(), -1, id++});
            }
            long overlap = 0;
            int running = 0;
            long last = 0;
            for (long[] e : edges) {
                if (running >= 2) {
                    overlap += e[0] - last;
                }
                running += (int) e[1];
                last = e[0];
            }
            return overlap;
        }
    }

    /** The numbers: the work, and each dinner's wall time and overlap. */
    public record Result(long workMillis, long oneCookMillis, long twoCooksMillis, double oneCookOverlap,
                         double twoCooksOverlap, double twoCooksCores, int cores) implements LessonResult {
        @Override
        public boolean shown() {
            return cores >= 2 && oneCookOverlap == 0 && twoCooksMillis < 0.75 * oneCookMillis;
        }

        @Override
        public String notice() {
            String one = String.format(Locale.ROOT, "One cook: every dish was in progress at once, yet no two slices ran at the same instant"
                    + " (overlap %.0f%%): that is concurrency, and dinner took %d ms, about the sum of the work (%d ms).",
                    oneCookOverlap * 100, oneCookMillis, workMillis);
            String two = String.format(Locale.ROOT, " Two cooks: two slices ran at the same instant %.0f%% of the time, and dinner took %d ms,"
                    + " %.2fx faster, on %.1f cores' worth of CPU", twoCooksOverlap * 100, twoCooksMillis, (double) oneCookMillis / twoCooksMillis,
                    twoCooksCores);
            String why = shown()
                    ? ": that is parallelism, and it needs a second core (this machine has " + cores + ")."
                    : ": not the speed-up two cores allow (" + cores + " cores here; another process held part of one).";
            return one + two + why + " An event loop is one cook: async interleaves waiting, it adds no core to compute on.";
        }
    }

    @Override
    public Result run(PrintWriter out, LessonSettings settings) throws InterruptedException {
        long sliceMillis = settings.pick(10, 4);
        double nanosPerUnit = CpuKernel.nanosPerUnit(settings.pick(250, 150));
        int unitsPerSlice = (int) Math.max(1, Math.round(sliceMillis * 1e6 / nanosPerUnit));
        long work = 0;
        for (int m : MINUTES) {
            work += m * sliceMillis;
        }
        out.printf(Locale.ROOT, "Four dishes of CPU work, one tutorial minute = %d ms of computing (%d kernel units), cooked a slice at a time:%n",
                sliceMillis, unitsPerSlice);
        out.printf(Locale.ROOT, "rice %d, chicken %d, vegetables %d, salad %d minutes: %d ms of work in all. '#' cooking, '.' waiting for a cook.%n",
                MINUTES[0], MINUTES[1], MINUTES[2], MINUTES[3], work);
        cook(1, unitsPerSlice); // warm-up: the JIT compiles the kernel before anything is drawn
        Dinner one = cook(1, unitsPerSlice);
        out.printf(Locale.ROOT, "%n  One cook (a pool of 1 thread: concurrency), %d ms:%n", one.wallMicros() / 1000);
        out.print(draw(one));
        Dinner two = cook(2, unitsPerSlice);
        out.printf(Locale.ROOT, "%n  Two cooks (a pool of 2 threads: parallelism), %d ms, %.1f cores' worth of CPU:%n", two.wallMicros() / 1000,
                two.coresUsed());
        out.print(draw(two));
        out.flush();
        // The work as it really ran here (the slices' own time), not as planned.
        long measuredWork = one.slices().stream().mapToLong(sl -> sl.toMicros() - sl.fromMicros()).sum() / 1000;
        return new Result(measuredWork, one.wallMicros() / 1000, two.wallMicros() / 1000,
                (double) one.overlapMicros() / one.wallMicros(), (double) two.overlapMicros() / two.wallMicros(),
                two.coresUsed(), Runtime.getRuntime().availableProcessors());
    }

    /** Cooks the four dishes with {@code cooks} threads, each dish a slice at a time, back in the queue after each. */
    private static Dinner cook(int cooks, int unitsPerSlice) throws InterruptedException {
        ExecutorService kitchen = Executors.newFixedThreadPool(cooks, Thread.ofPlatform().name("cook-", 1).factory());
        ConcurrentLinkedQueue<Slice> slices = new ConcurrentLinkedQueue<>();
        CountDownLatch served = new CountDownLatch(DISHES.length);
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        try {
            for (int d = 0; d < DISHES.length; d++) {
                int dish = d;
                kitchen.execute(new Runnable() {
                    int left = MINUTES[dish];

                    @Override
                    public void run() {
                        long from = System.nanoTime();
                        CpuKernel.run(unitsPerSlice, left);
                        slices.add(new Slice(dish, Thread.currentThread().getName(), (from - start) / 1000, (System.nanoTime() - start) / 1000));
                        if (--left > 0) {
                            kitchen.execute(this); // back in the queue: the cook turns to another dish
                        } else {
                            served.countDown();
                        }
                    }
                });
            }
            served.await();
            long wall = (System.nanoTime() - start) / 1000;
            return new Dinner(cooks, wall, (processCpuNanos() - cpuStart) / 1000, new ArrayList<>(slices));
        } finally {
            kitchen.shutdownNow();
        }
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static String draw(Dinner dinner) {
        List<Timelines.Row> rows = new ArrayList<>();
        for (int d = 0; d < DISHES.length; d++) {
            int dish = d;
            List<Slice> mine = dinner.slices().stream().filter(s -> s.dish() == dish).toList();
            long first = mine.stream().mapToLong(Slice::fromMicros).min().orElse(0);
            long last = mine.stream().mapToLong(Slice::toMicros).max().orElse(0);
            Timelines.RowBuilder row = new Timelines.RowBuilder(DISHES[d]).add(first, last, Timelines.WAIT);
            mine.forEach(s -> row.add(s.fromMicros(), s.toMicros(), Timelines.RUN));
            rows.add(row.build("on " + String.join(", ", new TreeSet<>(mine.stream().map(Slice::cook).toList()))));
        }
        return Timelines.draw(rows, "    ");
    }
}

/*
 * HOW TO RUN
 *
 *   ./lab lesson parallelism
 *
 * Output: docs/lessons/parallelism.md (filled by docs/lessons/regenerate.sh, with its environment line).
 */
