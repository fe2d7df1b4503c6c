package dev.tva.workloads.web;

import dev.tva.workloads.Database;
import dev.tva.workloads.Params;
import dev.tva.workloads.Workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * What a lab server answers, in words: the same status and the same one-line body on every server.
 * Servers only choose how to write it.
 */
public final class Replies {
    /** Bytes the backend sends for {@code /io} when the request does not say. */
    public static final int DEFAULT_BYTES = 16;
    public static final String CONTENT_TYPE = "text/plain; charset=utf-8";

    /** 414: a request line over {@link ServerLimits#MAX_REQUEST_LINE}. Sent with {@code Connection: close}, as are the next three. */
    public static final Reply REQUEST_LINE_TOO_LONG = new Reply(414,
            "request line is over the limit of " + ServerLimits.MAX_REQUEST_LINE + " bytes\n");
    /** 431: request headers over {@link ServerLimits#MAX_HEADER_BYTES}. */
    public static final Reply HEADERS_TOO_LARGE = new Reply(431,
            "request headers are over the limit of " + ServerLimits.MAX_HEADER_BYTES + " bytes\n");
    /** 413: a body over {@link ServerLimits#MAX_BODY_BYTES}. */
    public static final Reply BODY_TOO_LARGE = new Reply(413,
            "request body is over the limit of " + ServerLimits.MAX_BODY_BYTES + " bytes\n");
    /** 400: Content-Length and Transfer-Encoding together (a request-smuggling shape). */
    public static final Reply AMBIGUOUS_LENGTH = new Reply(400,
            "Content-Length and Transfer-Encoding together: the body's length is ambiguous\n");

    private Replies() {
    }

    /** A status code and the one line sent with it (ending in a newline). */
    public record Reply(int status, String body) {
    }

    /** The 200 answer for a finished call whose workload returned {@code result}. */
    public static Reply ok(EndpointCall call, long result) {
        return new Reply(200, switch (call) {
            case EndpointCall.Hello h -> "hello";
            case EndpointCall.Stream s -> "streamed " + s.chunks() + " chunks";
            case EndpointCall.Work w -> switch (w.workload()) {
                case Workload.Sleep s -> "slept " + s.latencyMillis() + " ms";
                case Workload.Http h -> "io " + h.latencyMillis() + " ms: " + result + " bytes";
                case Workload.Cpu c -> "cpu " + c.units() + " units: checksum " + result;
                case Workload.Mixed m -> "mixed " + m.http().latencyMillis() + " ms + " + m.cpu().units() + " units: checksum " + result;
                case Workload.FanOut f -> "fanout " + f.calls() + " calls of " + f.latencyMillis() + " ms: " + result + " bytes";
                case Workload.Db d -> "db pg_sleep " + d.latencyMillis() + " ms: ok";
            };
        } + "\n");
    }

    /** Chunk {@code index} (from 1) of a {@code /stream} answer. */
    public static String chunk(int index, int of) {
        return "chunk " + index + " of " + of + "\n";
    }

    /** 404 for a path no endpoint has; lists the endpoints. */
    public static Reply notFound(String path) {
        return new Reply(404, "no such path: " + abbreviate(path) + "; endpoints: "
                + Arrays.stream(Endpoint.values()).map(Endpoint::usage).collect(Collectors.joining(", ")) + "\n");
    }

    /** 405 for anything but GET (and HEAD where a server answers it). */
    public static Reply methodNotAllowed(String method) {
        return new Reply(405, "method " + abbreviate(method) + " is not allowed; only GET\n");
    }

    /** 503 when the server is at its limit of concurrent requests. */
    public static Reply overloaded(int limit) {
        return new Reply(503, "too many requests in progress (limit " + limit + "); try again later\n");
    }

    /**
     * The answer for a request that failed: 400 for a client mistake, 404 for an unknown path, 503 while
     * the database is unavailable, 504 when the backend did not answer in time, 502 when it failed, 500
     * for anything else (a bug).
     */
    public static Reply failure(Throwable failure) {
        Throwable t = unwrap(failure);
        return switch (t) {
            case Params.BadRequestException bad -> new Reply(400, bad.getMessage() + "\n");
            case EndpointCall.NotFoundException missing -> notFound(missing.path());
            case Database.DatabaseException down -> new Reply(503, "database unavailable: " + firstLine(down) + "\n");
            case SQLException sql -> new Reply(503, "database unavailable: " + firstLine(sql) + "\n");
            case TimeoutException timeout -> new Reply(504, "backend did not answer in time: " + firstLine(timeout) + "\n");
            case IOException io when isTimeout(io) -> new Reply(504, "backend did not answer in time: " + firstLine(io) + "\n");
            case IOException io -> new Reply(502, "backend call failed: " + firstLine(io) + "\n");
            case UncheckedIOException io -> new Reply(502, "backend call failed: " + firstLine(io.getCause()) + "\n");
            default -> new Reply(500, "internal error: " + t.getClass().getSimpleName() + " " + firstLine(t) + "\n");
        };
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static boolean isTimeout(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof TimeoutException || c instanceof java.net.SocketTimeoutException
                    || c.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage();
        return message == null ? t.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }

    private static String abbreviate(String raw) {
        return raw.length() <= 60 ? raw : raw.substring(0, 60) + "...";
    }
}
