package dev.tva.workloads;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Which HTTP client a task calls the backend with; {@link #id()} is the one spelling everywhere.
 *
 * <p>The lab's question is the execution model, so the client must not be the variable: {@link #LEAN} is
 * the least keep-alive HTTP/1.1 code, written once per style (blocking, event loop) doing the same
 * work, and {@link #LIBRARY} is a well-kept client of each style, to show what a real one adds. A
 * comparison between models always uses one kind on every side.
 */
public enum Client {
    /** The lab's own minimal client: a blocking socket, or a minimal Netty pipeline, parsing by hand. */
    LEAN("lean"),
    /** A library's client: Helidon WebClient for blocking code, Netty's HTTP codec for an event loop. */
    LIBRARY("library");

    private final String id;

    Client(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** Parses an id; the exception message names every accepted id. */
    @JsonCreator
    public static Client fromId(String id) {
        for (Client c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a client; expected one of " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(Client::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
