package dev.tva.cli;

import dev.tva.async.EventLoopModel;
import dev.tva.threads.BlockingWorkloads;
import dev.tva.threads.ThreadModel;
import dev.tva.workloads.ExecutionModel;
import dev.tva.workloads.Model;

import java.net.URI;
import java.time.Duration;

/** A model with its settings: the pool size for {@code platform}, the loop count for {@code event-loop}. */
record ModelSpec(Model model, int threads, int loops) {

    /** {@code platform (200 threads)}, {@code virtual}, {@code event-loop (2 loops)}. */
    String label() {
        return switch (model) {
            case PLATFORM -> "platform (" + threads + " threads)";
            case VIRTUAL -> "virtual";
            case EVENT_LOOP -> "event-loop (" + loops + (loops == 1 ? " loop)" : " loops)");
        };
    }

    /** Builds the model; {@code backend} is null when no task calls it. */
    ExecutionModel create(URI backend, Duration timeout) {
        return switch (model) {
            case PLATFORM -> ThreadModel.platform(threads, new BlockingWorkloads(backend, timeout));
            case VIRTUAL -> ThreadModel.virtual(new BlockingWorkloads(backend, timeout));
            case EVENT_LOOP -> new EventLoopModel(loops, backend, timeout);
        };
    }
}
