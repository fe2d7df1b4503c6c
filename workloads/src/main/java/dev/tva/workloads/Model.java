package dev.tva.workloads;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The three execution models; {@link #id()} is the one spelling used everywhere (CLI, JSON, docs). */
public enum Model {
    /** Platform threads from a bounded pool: one OS thread per running task. */
    PLATFORM("platform"),
    /** One Java 21 virtual thread per task, mounted on a few carrier threads. */
    VIRTUAL("virtual"),
    /** Netty event loops: non-blocking I/O, callbacks and futures. */
    EVENT_LOOP("event-loop");

    private final String id;

    Model(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** Parses an id; the exception message names every accepted id. */
    @JsonCreator
    public static Model fromId(String id) {
        for (Model m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a model; expected one of " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(Model::id).collect(Collectors.joining(", "));
    }

    /**
     * True when each waiting task holds one of a fixed number of OS threads, so the pool's size is the
     * most waits the model can hold at once. A virtual thread parks and frees its carrier; an event loop
     * waits on a timer or a channel, holding no thread.
     */
    public boolean waitHoldsAThread() {
        return this == PLATFORM;
    }

    @Override
    public String toString() {
        return id;
    }
}
