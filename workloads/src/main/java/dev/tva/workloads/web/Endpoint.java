package dev.tva.workloads.web;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The endpoints every lab server answers, each the HTTP face of one workload. The paths, their
 * parameters and their ranges are defined here once, so all four servers accept and reject the same
 * requests with the same words.
 */
public enum Endpoint {
    /** A constant answer: the server's own cost per request, nothing else. */
    HELLO("/hello", List.of()),
    /** Waits {@code ms} on a timer (a sleeping thread, or a loop timer). */
    SLEEP("/sleep", List.of("ms")),
    /** Calls the backend, which answers after {@code ms}: waiting on a socket. */
    IO("/io", List.of("ms", "bytes")),
    /** Runs {@code work} units of the CPU kernel. */
    CPU("/cpu", List.of("work")),
    /** A backend call of {@code ms}, then {@code work} units of CPU on its answer. */
    MIXED("/mixed", List.of("ms", "work")),
    /** {@code n} backend calls of {@code ms} in parallel, combined into one answer. */
    FANOUT("/fanout", List.of("n", "ms")),
    /** {@code select pg_sleep(ms)} through the connection pool; 503 while the database is unavailable. */
    DB("/db", List.of("ms")),
    /** A chunked answer of {@code chunks} lines, one every {@code ms}, each sent as soon as it exists. */
    STREAM("/stream", List.of("chunks", "ms"));

    private final String path;
    private final List<String> parameters;

    Endpoint(String path, List<String> parameters) {
        this.path = path;
        this.parameters = parameters;
    }

    public String path() {
        return path;
    }

    /** The query parameters this endpoint reads; any other is rejected. */
    public List<String> parameters() {
        return parameters;
    }

    /** The id used in the CLI ({@code --endpoint io}) and in results: the path without its slash. */
    @JsonValue
    public String id() {
        return path.substring(1);
    }

    public static Optional<Endpoint> forPath(String path) {
        return Arrays.stream(values()).filter(e -> e.path.equals(path)).findFirst();
    }

    public static Endpoint fromId(String id) {
        return Arrays.stream(values()).filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + id + "' is not an endpoint; expected one of " + ids()));
    }

    public static String ids() {
        return Arrays.stream(values()).map(Endpoint::id).collect(Collectors.joining(", "));
    }

    /** How to call it, e.g. {@code /fanout?n=&ms=}. */
    public String usage() {
        return parameters.isEmpty() ? path : path + parameters.stream().map(p -> p + "=").collect(Collectors.joining("&", "?", ""));
    }

    @Override
    public String toString() {
        return id();
    }
}
