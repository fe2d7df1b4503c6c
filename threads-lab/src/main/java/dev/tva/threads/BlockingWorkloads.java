package dev.tva.threads;

import dev.tva.workloads.CpuKernel;
import dev.tva.workloads.Workload;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The workloads written the plain way: each method blocks its thread until the work is done and
 * returns the result. {@code AsyncWorkloads} in async-lab is the same file with futures; diff them.
 *
 * <p>On a platform thread a blocking call holds an OS thread for its whole wait; on a virtual thread it
 * unmounts, and the carrier runs another virtual thread meanwhile. The code is the same.
 */
public final class BlockingWorkloads implements AutoCloseable {
    private final URI backend;
    private final Duration timeout;
    private final ExecutorService clientExecutor;
    private final HttpClient client;

    /**
     * Calls {@code backend} (its base URI; {@code null} when no task calls it) with HTTP/1.1 keep-alive;
     * a call fails after {@code timeout}.
     */
    public BlockingWorkloads(URI backend, Duration timeout) {
        this.backend = backend;
        this.timeout = timeout;
        if (backend == null) {
            this.clientExecutor = null;
            this.client = null;
            return;
        }
        // The JDK client completes responses on this executor; a small fixed pool keeps its thread count honest.
        this.clientExecutor = Executors.newFixedThreadPool(
                Runtime.getRuntime().availableProcessors(), Thread.ofPlatform().daemon().name("http-client-", 0).factory());
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .executor(clientExecutor)
                .build();
    }

    /** Runs one task: the only place that looks at which workload it is. */
    public long run(Workload workload) throws IOException, InterruptedException {
        return switch (workload) {
            case Workload.Sleep w -> sleep(w);
            case Workload.Http w -> http(w);
            case Workload.Cpu w -> cpu(w);
            case Workload.Mixed w -> mixed(w);
        };
    }

    /** Waits on a timer: the thread sleeps. */
    public long sleep(Workload.Sleep w) throws InterruptedException {
        Thread.sleep(w.latencyMillis());
        return 0;
    }

    /** Calls the backend and waits for its answer: the thread blocks in {@code send}. */
    public long http(Workload.Http w) throws IOException, InterruptedException {
        if (client == null) {
            throw new IllegalStateException("no backend configured for http work");
        }
        HttpRequest request = HttpRequest.newBuilder(backend.resolve("/delay?ms=" + w.latencyMillis() + "&bytes=" + w.bytes()))
                .timeout(timeout)
                .GET()
                .build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("backend answered " + response.statusCode() + " to " + request.uri());
        }
        return response.body().length;
    }

    /** Computes: the thread is busy the whole time, whatever the model. */
    public long cpu(Workload.Cpu w) {
        return CpuKernel.run(w.units(), w.seed());
    }

    /** Calls the backend, then computes on its answer. */
    public long mixed(Workload.Mixed w) throws IOException, InterruptedException {
        long bytes = http(w.http());
        return cpu(w.cpu()) + bytes;
    }

    @Override
    public void close() {
        if (client != null) {
            client.shutdownNow();
            clientExecutor.shutdownNow();
        }
    }
}
