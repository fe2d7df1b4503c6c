package dev.tva.engine;

import dev.tva.workloads.Model;
import dev.tva.workloads.RunResult;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a crossover grid: in every cell the same {@code mixed} task on each model, through the runner (so a
 * JVM of its own per run, measured in windows like {@code lab compare}), with a progress line per cell.
 */
public final class CrossoverSweep {
    /*
     * The kernel's cost per unit is measured once, here in the parent, before any cell: it turns each
     * cell's CPU share into kernel units, and every child JVM is handed the same figure for its bound.
     * Cells run share by share, and within a cell the models in their fixed order, as lab compare does.
     */

    /** Told about each cell as soon as all its runs are done, so its line can be printed before the next starts. */
    @FunctionalInterface
    public interface CellListener {
        void done(CrossoverResult.Cell cell);
    }

    private CrossoverSweep() {
    }

    /**
     * Sweeps {@code grid} with the three models as {@code models} sets them up; a progress line per cell goes
     * to {@code err}. Returns the sweep as written to results JSON, with {@code runner}'s environment.
     */
    public static CrossoverResult run(Runner runner, Models models, CrossoverGrid grid, PrintWriter err, CellListener listener) {
        long started = System.nanoTime();
        List<CrossoverGrid.Point> points = grid.points(runner.nanosPerUnit());
        long firstCell = System.nanoTime();
        List<CrossoverResult.Cell> cells = new ArrayList<>();
        for (CrossoverGrid.Point point : points) {
            err.println(progress(cells.size(), points.size(), point, seconds(started), seconds(firstCell)));
            err.flush();
            List<RunResult> runs = new ArrayList<>();
            for (Model model : Model.values()) {
                runs.add(runner.run(models.spec(model), point.workload(), point.concurrency(), grid.measurement()));
            }
            CrossoverResult.Cell cell = point.cell(runs);
            cells.add(cell);
            listener.done(cell);
        }
        return new CrossoverResult(CrossoverResult.KIND, grid.quick(), CrossoverGrid.TASK_MICROS, cells, runner.env());
    }

    /**
     * {@code ... cell 4 of 12 (wait share 0.99, 1,000 in flight): 41 s elapsed, about 1 min 50 s left}: the time
     * left is the cells still to run at the mean time of those done.
     */
    static String progress(int done, int total, CrossoverGrid.Point next, long elapsedSeconds, long cellsSeconds) {
        String left = done == 0 ? "the time left is known after this cell"
                : "about " + inWords(Math.round((double) cellsSeconds / done * (total - done))) + " left";
        return String.format(Locale.ROOT, "  ... cell %d of %d (wait share %s, %,d in flight): %s elapsed, %s",
                done + 1, total, share(next.waitShare()), next.concurrency(), inWords(elapsedSeconds), left);
    }

    /** A share as written in the grid: {@code 0.5}, {@code 0.999}. */
    public static String share(double share) {
        return java.math.BigDecimal.valueOf(share).stripTrailingZeros().toPlainString();
    }

    /** {@code 45 s}, {@code 2 min 5 s}. */
    static String inWords(long seconds) {
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }

    private static long seconds(long sinceNanos) {
        return Math.round((System.nanoTime() - sinceNanos) / 1e9);
    }
}
