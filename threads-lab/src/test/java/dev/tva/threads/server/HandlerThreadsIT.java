package dev.tva.threads.server;

import dev.tva.workloads.web.LabServer;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three servers run the same handler code; what differs is the thread it runs on. The evidence is a
 * thread dump taken while requests are in progress (the JSON one, which lists virtual threads too: what
 * {@code jcmd PID Thread.dump_to_file -format=json} writes), and the time a few sleeps take.
 */
class HandlerThreadsIT {
    private static final URI NO_BACKEND = URI.create("http://127.0.0.1:1");

    private static HttpClient client;

    @BeforeAll
    static void createClient() {
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @Test
    void jdkPlatformRunsHandlersOnThePoolsPlatformThreads() throws Exception {
        try (LabServer server = JdkHttpServer.start(ServerConfig.of(ServerId.JDK_PLATFORM, 0, NO_BACKEND).withThreads(8))) {
            Set<String> threads = handlerThreadsWhileSleeping(server, 4);
            assertThat(threads).hasSize(4).allMatch(t -> t.matches("platform jdk-platform-\\d+"));
        }
    }

    @Test
    void jdkVirtualRunsEachHandlerOnAVirtualThread() throws Exception {
        try (LabServer server = JdkHttpServer.start(ServerConfig.of(ServerId.JDK_VIRTUAL, 0, NO_BACKEND))) {
            Set<String> threads = handlerThreadsWhileSleeping(server, 4);
            assertThat(threads).hasSize(4).allMatch(t -> t.matches("virtual jdk-virtual-\\d+"));
        }
    }

    @Test
    void helidonRunsEachHandlerOnAVirtualThread() throws Exception {
        try (LabServer server = HelidonServer.start(ServerConfig.of(ServerId.HELIDON, 0, NO_BACKEND))) {
            Set<String> threads = handlerThreadsWhileSleeping(server, 4);
            assertThat(threads).hasSize(4).allMatch(t -> t.startsWith("virtual "));
        }
    }

    @Test
    void sixSleepsQueueOnTwoPlatformThreadsButOverlapOnVirtualThreads() throws Exception {
        try (LabServer platform = JdkHttpServer.start(ServerConfig.of(ServerId.JDK_PLATFORM, 0, NO_BACKEND).withThreads(2));
             LabServer virtual = JdkHttpServer.start(ServerConfig.of(ServerId.JDK_VIRTUAL, 0, NO_BACKEND))) {
            // Two threads hold two sleeps at a time: three rounds of 500 ms, about 1.5 s.
            assertThat(sixSleeps(platform)).isGreaterThanOrEqualTo(Duration.ofMillis(1_400));
            // A thread per request: all six at once, about 500 ms.
            assertThat(sixSleeps(virtual)).isLessThan(Duration.ofMillis(1_200));
        }
    }

    /** How long six concurrent {@code /sleep?ms=500} take, after one request to warm the server up. */
    private static Duration sixSleeps(LabServer server) throws Exception {
        assertThat(send(server, "/hello").join().statusCode()).isEqualTo(200);
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> sleeps = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sleeps.add(send(server, "/sleep?ms=500"));
        }
        sleeps.forEach(s -> assertThat(s.join().statusCode()).isEqualTo(200));
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * Sends {@code n} {@code /sleep?ms=1500} at once and, while they sleep, names the threads running the
     * handler ({@code "virtual NAME"} or {@code "platform NAME"}).
     */
    private static Set<String> handlerThreadsWhileSleeping(LabServer server, int n) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> sleeps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            sleeps.add(send(server, "/sleep?ms=1500"));
        }
        Set<String> threads = Set.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (threads.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(50);
            threads = HandlerThreads.now();
        }
        sleeps.forEach(s -> assertThat(s.join().statusCode()).isEqualTo(200));
        return threads;
    }

    private static CompletableFuture<HttpResponse<String>> send(LabServer server, String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }
}
