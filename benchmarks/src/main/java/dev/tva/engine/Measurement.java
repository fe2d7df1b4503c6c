package dev.tva.engine;

import dev.tva.workloads.SteadyState;

import java.time.Duration;

/**
 * How a row is measured, as JMH measures a benchmark: warm up in windows of {@code window} until the
 * throughput is steady (at most {@code warmup}), then count completions in {@code windows} measured
 * windows; repeat the whole in {@code forks} fresh JVMs. With {@code tasks} set, the measured part is
 * that many tasks instead of windows, for users who want a fixed count.
 *
 * @param window  the length of one window
 * @param windows measured windows per fork
 * @param warmup  the warm-up's cap (zero: none, and the row is reported not steady)
 * @param forks   JVMs the row runs in, one after another
 * @param tasks   a fixed number of measured tasks instead of windows, or null
 */
public record Measurement(Duration window, int windows, Duration warmup, int forks, Integer tasks) {
    /** The defaults of {@code lab run} and {@code lab compare}: windows of 1 s, 5 measured, warm-up at most 30 s, 1 fork. */
    public static final Measurement DEFAULT = new Measurement(Duration.ofSeconds(1), 5, Duration.ofSeconds(30), 1, null);
    /** A window shorter than this counts too few completions to mean anything. */
    public static final Duration SHORTEST_WINDOW = Duration.ofMillis(100);

    /** The rule that decides when the warm-up is over. */
    public SteadyState steadyState() {
        return SteadyState.of(window, warmup);
    }

    /** True when the measured part is a fixed number of tasks. */
    public boolean fixedTasks() {
        return tasks != null;
    }

    public Measurement withForks(int n) {
        return new Measurement(window, windows, warmup, n, tasks);
    }
}
