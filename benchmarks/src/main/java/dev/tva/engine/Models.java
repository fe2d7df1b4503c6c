package dev.tva.engine;

import dev.tva.workloads.Model;

/**
 * The settings of the three models when a run compares them all: the pool size of {@code platform} and the
 * loop count of {@code event-loop} ({@code virtual} has none).
 */
public record Models(int threads, int loops) {
    /** The platform pool's size when none is given: Tomcat's default. */
    public static final int DEFAULT_THREADS = 200;

    /** The defaults: {@link #DEFAULT_THREADS} threads, a loop per core. */
    public static Models defaults() {
        return new Models(DEFAULT_THREADS, Runtime.getRuntime().availableProcessors());
    }

    /** {@code model} with these settings. */
    public ModelSpec spec(Model model) {
        return new ModelSpec(model, threads, loops);
    }
}
