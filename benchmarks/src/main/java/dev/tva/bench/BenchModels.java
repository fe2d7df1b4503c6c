package dev.tva.bench;

import dev.tva.engine.ModelSpec;
import dev.tva.workloads.Client;
import dev.tva.workloads.ExecutionModel;
import dev.tva.workloads.Model;

import java.net.URI;
import java.time.Duration;

/** The three execution models with the lab's defaults, as the suites create them. */
public final class BenchModels {
    /** Platform pool size: the lab's default (Tomcat's). */
    public static final int PLATFORM_THREADS = 200;
    /** A backend call slower than this fails the benchmark. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private BenchModels() {
    }

    /** Event loops: one per core, the lab's default. */
    static int loops() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** {@code model} with the lab's defaults, calling {@code backend} (null when no task does) with the {@code client} kind of client. */
    static ExecutionModel create(Model model, URI backend, Client client) {
        return new ModelSpec(model, PLATFORM_THREADS, loops()).create(backend, client, TIMEOUT);
    }
}
