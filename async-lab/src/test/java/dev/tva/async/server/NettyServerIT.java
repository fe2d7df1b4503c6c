package dev.tva.async.server;

import dev.tva.workloads.web.LabServer;
import dev.tva.workloads.web.RawHttp;
import dev.tva.workloads.web.Replies;
import dev.tva.workloads.web.ServerConfig;
import dev.tva.workloads.web.ServerContract;
import dev.tva.workloads.web.ServerId;
import dev.tva.workloads.web.ServerLimits;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Netty server keeps the servers' contract, over real sockets; and stops without cutting requests off. */
class NettyServerIT extends ServerContract {

    @Override
    protected ServerId id() {
        return ServerId.NETTY;
    }

    @Override
    protected LabServer start(ServerConfig config) {
        return NettyServer.start(config);
    }

    /** The contract also accepts 400 for the limits; this server names each one. */
    @Test
    void eachRefusalHasItsOwnStatusAndClosesTheConnection() throws Exception {
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            headers.append("X-Pad-").append(i).append(": ").append("y".repeat(1_000)).append("\r\n");
        }
        Map<String, Integer> statuses = new LinkedHashMap<>();
        statuses.put("GET /hello?pad=" + "x".repeat(ServerLimits.MAX_REQUEST_LINE) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414);
        statuses.put("GET /hello HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n", 431);
        statuses.put("GET /hello HTTP/1.1\r\nHost: x\r\nContent-Length: " + (ServerLimits.MAX_BODY_BYTES + 1) + "\r\n\r\nzzz", 413);
        statuses.put("GET /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400);
        for (Map.Entry<String, Integer> refusal : statuses.entrySet()) {
            RawHttp.Exchange answer = RawHttp.send(server().port(), refusal.getKey(), 5_000);
            assertThat(answer.status()).as(answer.text()).isEqualTo(refusal.getValue());
            assertThat(answer.header("connection")).isEqualTo("close");
            assertThat(answer.closed()).isTrue();
        }
    }

    @Test
    void describeNamesTheLoopsAndTheOffloadPool() {
        ServerConfig config = ServerConfig.of(ServerId.NETTY, 0, URI.create("http://127.0.0.1:1")).withLoops(2);
        try (LabServer server = NettyServer.start(config)) {
            assertThat(server.id()).isEqualTo(ServerId.NETTY);
            assertThat(server.port()).isPositive();
            assertThat(server.describe()).isEqualTo("Netty 4.2, 2 event loops, blocking work offloaded to 64 threads");
        }
        try (LabServer server = NettyServer.start(config.withLoops(1).withBlockEventLoop(true))) {
            assertThat(server.describe()).isEqualTo("Netty 4.2, 1 event loop, /sleep and /io blocking ON the loop (--block-event-loop)");
        }
    }

    @Test
    void aTakenPortIsOneClearError() {
        try (LabServer first = NettyServer.start(ServerConfig.of(ServerId.NETTY, 0, URI.create("http://127.0.0.1:1")))) {
            ServerConfig same = ServerConfig.of(ServerId.NETTY, first.port(), URI.create("http://127.0.0.1:1"));
            assertThatThrownBy(() -> NettyServer.start(same))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("cannot start the netty server on 127.0.0.1:" + first.port() + ": ");
        }
    }

    @Test
    void closeLetsARequestInProgressFinish() throws Exception {
        LabServer server = NettyServer.start(ServerConfig.of(ServerId.NETTY, 0, URI.create("http://127.0.0.1:1")));
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            CompletableFuture<HttpResponse<String>> sleeping = client.sendAsync(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/sleep?ms=700")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(200); // the request is in progress
            long start = System.nanoTime();
            server.close();
            Duration closing = Duration.ofNanos(System.nanoTime() - start);

            HttpResponse<String> answer = sleeping.get(5, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(new Replies.Reply(200, "slept 700 ms\n").body());
            assertThat(answer.headers().firstValue("connection")).hasValue("close");
            // close() waited for the sleep (about 500 ms more), not for the whole drain timeout.
            assertThat(closing).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(NettyServer.DRAIN_TIMEOUT);
        }
    }
}
