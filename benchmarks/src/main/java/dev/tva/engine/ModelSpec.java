package dev.tva.engine;

import dev.tva.async.EventLoopModel;
import dev.tva.threads.ThreadModel;
import dev.tva.workloads.Bound;
import dev.tva.workloads.Client;
import dev.tva.workloads.Database;
import dev.tva.workloads.DbSettings;
import dev.tva.workloads.ExecutionModel;
import dev.tva.workloads.Model;

import java.net.URI;
import java.time.Duration;

/**
 * A model with its settings: the pool size for {@code platform}, the loop count for {@code event-loop}.
 * The one place a model is built from its id (the CLI and the JMH suites both use it).
 */
public record ModelSpec(Model model, int threads, int loops) {

    /** {@code platform (200 threads)}, {@code virtual}, {@code event-loop (2 loops)}. */
    public String label() {
        return switch (model) {
            case PLATFORM -> "platform (" + threads + " threads)";
            case VIRTUAL -> "virtual";
            case EVENT_LOOP -> "event-loop (" + loops + (loops == 1 ? " loop)" : " loops)");
        };
    }

    /** Builds the model with the lab's default client, {@link Client#LEAN}; {@code backend} is null when no task calls it. */
    public ExecutionModel create(URI backend, Duration timeout) {
        return create(backend, Client.LEAN, timeout);
    }

    /**
     * Builds the model; its tasks call {@code backend} (null when none does) with the {@code client} kind of
     * client, a call failing after {@code timeout}.
     */
    public ExecutionModel create(URI backend, Client client, Duration timeout) {
        return create(backend, client, timeout, null);
    }

    /** Builds the model; {@code backend} and {@code database} are null when no task uses them. */
    ExecutionModel create(URI backend, Client client, Duration timeout, Database database) {
        return switch (model) {
            case PLATFORM -> ThreadModel.platform(threads, backend, client, timeout, database);
            case VIRTUAL -> ThreadModel.virtual(backend, client, timeout, database);
            case EVENT_LOOP -> new EventLoopModel(loops, backend, client, timeout, database);
        };
    }

    /** How many db queries this model can run at once with {@code settings}, and what limits it. */
    Limit connections(DbSettings settings) {
        Limit limit = new Limit(settings.poolSize(), Bound.Limit.POOL, "connections (pool " + settings.poolSize() + ")");
        if (settings.bulkhead() > 0 && settings.bulkhead() < limit.count()) {
            limit = new Limit(settings.bulkhead(), Bound.Limit.BULKHEAD, "permits (bulkhead " + settings.bulkhead() + ")");
        }
        if (model.waitHoldsAThread() && threads < limit.count()) {
            limit = new Limit(threads, Bound.Limit.THREADS, "threads (pool of " + threads + ")");
        }
        return limit;
    }

    /** At most {@code count} at once, because of {@code limit}, in words {@code what}. */
    record Limit(int count, Bound.Limit limit, String what) {
    }
}
