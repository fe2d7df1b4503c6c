package dev.tva.threads;

import dev.tva.workloads.Backend;
import dev.tva.workloads.Workload;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.http1.Http1Client;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;

/**
 * The library client of blocking code: Helidon's WebClient (HTTP/1.1), a well-kept client that reads its
 * socket on the calling thread, as {@code --client library} runs it.
 *
 * <p>It reads a {@code java.net.Socket}, which ends a read on interrupt only on a virtual thread: a
 * cancelled call on a platform thread keeps its thread until its answer or the timeout.
 */
final class LibraryBlockingClient implements BlockingClient {
    /** Keep-alive connections kept: enough for every task in flight to reuse one. */
    private static final int CONNECTIONS_KEPT = 20_000;

    private final Http1Client client;

    LibraryBlockingClient(URI backend, Duration timeout) {
        this.client = Http1Client.builder()
                .baseUri(backend)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .connectionCacheSize(CONNECTIONS_KEPT)
                .shareConnectionCache(false)
                .build();
    }

    @Override
    public long get(Workload.Http call) throws IOException {
        try (HttpClientResponse response = client.get(Backend.PATH)
                .queryParam("ms", Long.toString(call.latencyMillis()))
                .queryParam("bytes", Integer.toString(call.bytes()))
                .request()) {
            if (response.status().code() != 200) {
                throw new IOException("backend answered " + response.status().code() + " to GET " + Backend.target(call));
            }
            return drain(response.inputStream());
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage(), e);  // Helidon reports socket failures unchecked
        }
    }

    /** Reads a body to its end and counts its bytes (cheaper than materialising it as one array). */
    private static long drain(InputStream body) throws IOException {
        byte[] buffer = new byte[4096];
        long total = 0;
        for (int n; (n = body.read(buffer)) > 0; ) {
            total += n;
        }
        return total;
    }

    @Override
    public void close() {
        client.closeResource();
    }
}
