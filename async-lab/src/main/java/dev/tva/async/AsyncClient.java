package dev.tva.async;

import dev.tva.workloads.Client;
import dev.tva.workloads.Workload;
import io.netty.channel.EventLoop;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A non-blocking HTTP client of the backend bound to one event loop: {@link #get} returns at once, and
 * the loop completes the future when the whole answer has arrived. {@code BlockingClient} in threads-lab
 * is its twin.
 *
 * <p>Cancelling a call is cancelling its future: the client closes its connection, which is not reused.
 */
public interface AsyncClient extends AutoCloseable {

    /** The client of kind {@code client} on {@code loop} calling {@code backend}; a call fails when no answer came within {@code timeout}. */
    static AsyncClient of(Client client, EventLoop loop, URI backend, Duration timeout) {
        return switch (client) {
            case LEAN -> new LeanAsyncClient(loop, backend, timeout);
            case LIBRARY -> new LibraryAsyncClient(loop, backend, timeout);
        };
    }

    /** Asks the backend for {@code call}'s answer; the future completes with its length in bytes, on this client's loop. */
    CompletableFuture<Long> get(Workload.Http call);

    /** Closes every kept connection. */
    @Override
    void close();
}
