package dev.tva.async.server;

import dev.tva.workloads.Backend;
import dev.tva.workloads.Workload;
import dev.tva.workloads.web.Endpoint;
import dev.tva.workloads.web.EndpointCall;
import dev.tva.workloads.web.LabServer;
import dev.tva.workloads.web.Replies;
import dev.tva.workloads.web.ServerConfig;
import dev.tva.workloads.web.ServerId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The damage {@code --block-event-loop} does, over real sockets: with one loop, a request that blocks it
 * stalls a {@code /hello} on another connection for as long as it blocks; the same request waiting on a
 * timer or on the non-blocking client does not.
 */
class BlockingOnEventLoopIT {
    private static final String SLEEP_ANSWER =
            Replies.ok(new EndpointCall.Work(Endpoint.SLEEP, new Workload.Sleep(1000)), 0).body();
    private static final String IO_ANSWER = Replies.ok(
            new EndpointCall.Work(Endpoint.IO, new Workload.Http(1000, Replies.DEFAULT_BYTES)), Replies.DEFAULT_BYTES).body();

    private static Backend backend;

    @BeforeAll
    static void startBackend() {
        backend = Backend.start("127.0.0.1", 0, 1);
    }

    @AfterAll
    static void stopBackend() {
        backend.close();
    }

    private static LabServer oneLoop(boolean blockEventLoop) {
        return NettyServer.start(ServerConfig.of(ServerId.NETTY, 0, backend.uri()).withLoops(1).withBlockEventLoop(blockEventLoop));
    }

    /** How long a /hello on its own connection takes while {@code slowUri} is in progress on another. */
    private static Duration helloDuring(LabServer server, String slowUri, String expectedSlowBody) throws Exception {
        try (HttpClient slowClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
             HttpClient helloClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            // Warm both clients up, so that the slow request reaches the server at once.
            assertThat(send(slowClient, server, "/hello").statusCode()).isEqualTo(200);
            assertThat(send(helloClient, server, "/hello").statusCode()).isEqualTo(200);

            CompletableFuture<HttpResponse<String>> slow = slowClient.sendAsync(request(server, slowUri),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(100); // the slow request is in progress
            long start = System.nanoTime();
            HttpResponse<String> hello = send(helloClient, server, "/hello");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(hello.body()).isEqualTo("hello\n");
            assertThat(slow.get(10, TimeUnit.SECONDS).body()).isEqualTo(expectedSlowBody);
            return took;
        }
    }

    private static HttpRequest request(LabServer server, String uri) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + uri)).timeout(Duration.ofSeconds(10)).build();
    }

    private static HttpResponse<String> send(HttpClient client, LabServer server, String uri) throws Exception {
        return client.send(request(server, uri), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSleepBlockingTheLoopStallsEveryOtherConnectionOnIt() throws Exception {
        try (LabServer server = oneLoop(true)) {
            // The loop sleeps for about 900 ms more after the /hello arrives.
            assertThat(helloDuring(server, "/sleep?ms=1000", SLEEP_ANSWER)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        }
    }

    @Test
    void aSleepOnATimerLeavesTheLoopFree() throws Exception {
        try (LabServer server = oneLoop(false)) {
            assertThat(helloDuring(server, "/sleep?ms=1000", SLEEP_ANSWER)).isLessThan(Duration.ofMillis(500));
        }
    }

    @Test
    void aBlockingBackendCallStallsTheLoopToo() throws Exception {
        try (LabServer server = oneLoop(true)) {
            assertThat(helloDuring(server, "/io?ms=1000", IO_ANSWER)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        }
    }

    @Test
    void aNonBlockingBackendCallLeavesTheLoopFree() throws Exception {
        try (LabServer server = oneLoop(false)) {
            assertThat(helloDuring(server, "/io?ms=1000", IO_ANSWER)).isLessThan(Duration.ofMillis(500));
        }
    }
}
