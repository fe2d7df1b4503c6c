package dev.tva.workloads.web;

import dev.tva.workloads.DbQuery;
import dev.tva.workloads.Limits;
import dev.tva.workloads.Params;
import dev.tva.workloads.Workload;

import java.util.List;
import java.util.Map;

/**
 * One request to a lab server, parsed: which endpoint, and the workload it runs. Every server turns its
 * request into one of these with {@link #parse}, so a request means the same thing everywhere.
 */
public sealed interface EndpointCall {

    /** The most backend calls one {@code /fanout} may make. */
    int MAX_FANOUT = Limits.MAX_FANOUT_CALLS;
    /** The most chunks one {@code /stream} may send. */
    int MAX_CHUNKS = 1_000;
    /** The CPU kernel's seed for {@code /cpu} and {@code /mixed}: fixed, so every server computes the same checksum. */
    long CPU_SEED = 42;

    Endpoint endpoint();

    /**
     * Parses a request's path and decoded query.
     *
     * @throws NotFoundException when no endpoint has this path
     * @throws Params.BadRequestException naming the parameter and its range when a value is missing, out of
     *     range, repeated or unknown
     */
    static EndpointCall parse(String path, Map<String, List<String>> query) {
        Endpoint endpoint = Endpoint.forPath(path).orElseThrow(() -> new NotFoundException(path));
        Params.onlyKnown(query, endpoint.parameters());
        return switch (endpoint) {
            case HELLO -> new Hello();
            case SLEEP -> new Work(endpoint, new Workload.Sleep(ms(query)));
            case IO -> new Work(endpoint, http(query));
            case CPU -> new Work(endpoint, cpu(query));
            case MIXED -> new Work(endpoint, new Workload.Mixed(http(query), cpu(query)));
            case FANOUT -> new Work(endpoint, fanOut((int) Params.required(query, "n", 1, MAX_FANOUT), http(query)));
            case DB -> new Work(endpoint, new Workload.Db(ms(query), DbQuery.SLEEP, 0));
            case STREAM -> new Stream((int) Params.required(query, "chunks", 1, MAX_CHUNKS), ms(query));
        };
    }

    private static long ms(Map<String, List<String>> query) {
        return Params.required(query, "ms", 0, Limits.MAX_LATENCY_MILLIS);
    }

    private static Workload.Http http(Map<String, List<String>> query) {
        return new Workload.Http(ms(query), (int) Params.integer(query, "bytes", Replies.DEFAULT_BYTES, 0, Limits.MAX_BYTES));
    }

    private static Workload.FanOut fanOut(int calls, Workload.Http call) {
        return new Workload.FanOut(calls, call.latencyMillis(), call.bytes());
    }

    private static Workload.Cpu cpu(Map<String, List<String>> query) {
        return new Workload.Cpu((int) Params.required(query, "work", 0, Limits.MAX_WORK_UNITS), CPU_SEED);
    }

    /** {@code /hello}: no work. */
    record Hello() implements EndpointCall {
        @Override
        public Endpoint endpoint() {
            return Endpoint.HELLO;
        }
    }

    /** An endpoint that runs one workload: {@code /sleep}, {@code /io}, {@code /cpu}, {@code /mixed}, {@code /fanout}, {@code /db}. */
    record Work(Endpoint endpoint, Workload workload) implements EndpointCall {
    }

    /** {@code /stream}: {@code chunks} chunks, one every {@code intervalMillis}. */
    record Stream(int chunks, long intervalMillis) implements EndpointCall {
        @Override
        public Endpoint endpoint() {
            return Endpoint.STREAM;
        }
    }

    /** No endpoint has the requested path; answered 404 with {@link Replies#notFound}. */
    final class NotFoundException extends RuntimeException {
        private final String path;

        public NotFoundException(String path) {
            super("no such path: " + path, null, false, false);
            this.path = path;
        }

        public String path() {
            return path;
        }
    }
}
