package dev.tva.async.server;

import dev.tva.workloads.Workload;
import dev.tva.workloads.web.ServerLimits;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/*
 * THE BUG, ON PURPOSE (--block-event-loop): "a sync endpoint in an async server".
 *
 * /sleep and /io written the blocking way, as in BlockingWorkloads, and called straight from the
 * handler, so they run ON the event loop. While one of them waits, its loop runs nothing else: every
 * other connection on that loop (new ones too: accepting hands them to a loop) waits with it. With one
 * loop, one slow request stalls the whole server; this is how a blocked loop causes an outage.
 *
 * The fix is what the server does without the flag: wait on a loop timer, call the backend with the
 * non-blocking client (AsyncWorkloads), and hand real blocking work (JDBC) to an executor.
 *
 * The blocking backend call uses the JDK's HttpClient, whose own threads do the I/O. The Netty client
 * could not be used here: it would need this very loop to deliver the answer it is blocked waiting for.
 */

/** {@code --block-event-loop}: runs {@code /sleep} and {@code /io} blocking, on the calling event loop. */
final class BlockingOnEventLoop implements AutoCloseable {
    private final URI backend;
    private final HttpClient client;

    BlockingOnEventLoop(URI backend) {
        this.backend = backend;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(ServerLimits.BACKEND_TIMEOUT)
                .build();
    }

    /** Whether this workload is one the flag turns into blocking code. */
    static boolean blocks(Workload workload) {
        return switch (workload) {
            case Workload.Sleep s -> true;
            case Workload.Http h -> true;
            case Workload.Cpu c -> false;
            case Workload.Mixed m -> false;
            case Workload.FanOut f -> false;
            case Workload.Db d -> false;
        };
    }

    /** Runs it to the end on the calling thread (the loop), then returns a future that is already done. */
    CompletableFuture<Long> run(Workload workload) {
        try {
            return CompletableFuture.completedFuture(switch (workload) {
                case Workload.Sleep w -> blockingSleep(w);
                case Workload.Http w -> blockingHttp(w);
                default -> throw new IllegalArgumentException(workload.type() + " is never run blocking on the loop");
            });
        } catch (IOException | InterruptedException | RuntimeException failure) {
            if (failure instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return CompletableFuture.failedFuture(failure);
        }
    }

    /** The loop thread sleeps: no timer, no other connection served until it wakes. */
    private static long blockingSleep(Workload.Sleep w) throws InterruptedException {
        Thread.sleep(w.latencyMillis());
        return 0;
    }

    /** The loop thread waits for the backend's answer, as a thread-per-request server's thread would. */
    private long blockingHttp(Workload.Http w) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(backend.resolve("/delay?ms=" + w.latencyMillis() + "&bytes=" + w.bytes()))
                .timeout(ServerLimits.BACKEND_TIMEOUT)
                .build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("backend answered " + response.statusCode() + " to GET " + backend);
            }
            return body.transferTo(OutputStream.nullOutputStream());
        }
    }

    @Override
    public void close() {
        client.shutdownNow(); // a call still blocking a loop fails instead of holding up the stop
    }
}
