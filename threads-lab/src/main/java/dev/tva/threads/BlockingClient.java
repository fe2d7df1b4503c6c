package dev.tva.threads;

import dev.tva.workloads.Client;
import dev.tva.workloads.Workload;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * A blocking HTTP client of the backend: {@link #get} holds its thread until the whole answer is read.
 * {@code AsyncClient} in async-lab is its twin.
 *
 * <p>Cancelling a call is interrupting its thread. The lean client's read ends there on any thread, and
 * its connection is closed; Helidon's ends there only on a virtual thread.
 */
public interface BlockingClient extends AutoCloseable {

    /** The client of kind {@code client} calling {@code backend}; a call fails when no answer came within {@code timeout}. */
    static BlockingClient of(Client client, URI backend, Duration timeout) {
        return switch (client) {
            case LEAN -> new LeanBlockingClient(backend, timeout);
            case LIBRARY -> new LibraryBlockingClient(backend, timeout);
        };
    }

    /** Asks the backend for {@code call}'s answer and returns its length in bytes, once all of it is read. */
    long get(Workload.Http call) throws IOException;

    /** Closes every kept connection. */
    @Override
    void close();
}
