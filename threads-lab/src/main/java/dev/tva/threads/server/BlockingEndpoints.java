package dev.tva.threads.server;

import dev.tva.threads.BlockingWorkloads;
import dev.tva.workloads.Params;
import dev.tva.workloads.web.EndpointCall;
import dev.tva.workloads.web.FileBudget;
import dev.tva.workloads.web.Replies;
import dev.tva.workloads.web.RequestSlots;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The handler code of the helidon, jdk-platform and jdk-virtual servers: plain blocking code that holds
 * its thread until the answer is written. Each server only adapts its request and response to this
 * class, so what runs the handler (a pool thread or a virtual thread) is the only difference.
 *
 * <p>A thread blocked on the backend does not notice that its client has gone: neither the JDK server nor
 * Helidon tells a handler, and nothing reads the client's socket while the thread waits. The call runs to
 * its end (the backend's answer, or {@code ServerLimits.BACKEND_TIMEOUT}) and the answer's write fails.
 */
final class BlockingEndpoints {

    /** How a server writes an answer; the one thing it implements for this class. */
    interface Response {
        /** Sends {@code reply} as the whole answer, with {@link Replies#CONTENT_TYPE} and its length. */
        void send(Replies.Reply reply) throws IOException;

        /** Starts a 200 answer of unknown length (chunked); each {@code flush()} sends what was written. */
        OutputStream stream() throws IOException;
    }

    private final BlockingWorkloads workloads;
    private final RequestSlots slots;

    /** Runs workloads with {@code workloads}; a request that would take more {@code slots} than are free gets 503. */
    BlockingEndpoints(BlockingWorkloads workloads, RequestSlots slots) {
        this.workloads = workloads;
        this.slots = slots;
    }

    /**
     * Answers one request: {@code method} and {@code target} as they came in the request line
     * ({@code /path?query}, not decoded). Failures are answered through {@link Replies#failure}; only a
     * failure to write the answer (the client has gone) is thrown.
     */
    void handle(String method, String target, Response response) throws IOException {
        if (!"GET".equals(method)) {
            response.send(Replies.methodNotAllowed(method));
            return;
        }
        EndpointCall call;
        try {
            call = parse(target);
        } catch (RuntimeException badRequest) {
            response.send(Replies.failure(badRequest));
            return;
        }
        int weight = FileBudget.weight(call);
        if (!slots.tryAcquire(weight)) {
            response.send(Replies.overloaded(slots.limit()));
            return;
        }
        try {
            switch (call) {
                case EndpointCall.Hello hello -> response.send(Replies.ok(hello, 0));
                case EndpointCall.Work work -> response.send(answer(work, () -> workloads.run(work.workload())));
                case EndpointCall.Stream stream -> stream(stream, response);
            }
        } finally {
            slots.release(weight);
        }
    }

    /** A workload that blocks until it has its result. */
    private interface Blocking {
        long run() throws Exception;
    }

    /** Runs {@code work} on this thread and turns its result, or its failure, into the answer. */
    private static Replies.Reply answer(EndpointCall call, Blocking work) {
        try {
            return Replies.ok(call, work.run());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();  // the server is stopping: answer, and keep the flag for it
            return Replies.failure(e);
        } catch (Exception e) {
            return Replies.failure(e);
        }
    }

    /** The same decoding as the contract test and the Netty server, so a query means the same everywhere. */
    private static EndpointCall parse(String target) {
        QueryStringDecoder decoded;
        try {
            decoded = new QueryStringDecoder(target);
            decoded.parameters();  // decodes lazily: a malformed escape shows here
        } catch (IllegalArgumentException e) {
            throw new Params.BadRequestException("malformed query: " + e.getMessage());
        }
        return EndpointCall.parse(decoded.path(), decoded.parameters());
    }

    /**
     * Writes the chunks as they come due: the first at once, then one every interval, the thread sleeping
     * in between. A failed write means the client has gone: stop there, nobody is reading.
     */
    private static void stream(EndpointCall.Stream stream, Response response) {
        try (OutputStream body = response.stream()) {
            for (int i = 1; i <= stream.chunks(); i++) {
                if (i > 1) {
                    Thread.sleep(stream.intervalMillis());
                }
                body.write(Replies.chunk(i, stream.chunks()).getBytes(StandardCharsets.UTF_8));
                body.flush();
            }
        } catch (IOException clientGone) {
            // Nothing to answer and nobody to answer to; the server closes the connection.
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();  // the server is stopping: end the stream where it is
        }
    }
}
