package dev.tva.workloads;

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

    public String id() {
        return id;
    }

    /** Parses an id; the exception message names every accepted id. */
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

    @Override
    public String toString() {
        return id;
    }
}
