package dev.tva.async;

import dev.tva.workloads.Backend;
import dev.tva.workloads.BackendActivity;
import dev.tva.workloads.CannedBackend;
import dev.tva.workloads.LeanHttp;
import dev.tva.workloads.Workload;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static dev.tva.workloads.Eventually.deadPort;
import static dev.tva.workloads.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lean event-loop client against the real backend, and against answers it must refuse. LeanBlockingClientIT is its twin. */
class LeanAsyncClientIT {
    private static Backend backend;
    private static EventLoopGroup group;
    private static EventLoop loop;

    @BeforeAll
    static void start() {
        backend = Backend.start("127.0.0.1", 0, 1);
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        loop = group.next();
    }

    @AfterAll
    static void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        backend.close();
    }

    @Test
    void keepAliveOpensNoMoreConnectionsThanCallsInFlight() {
        long before = backend.connectionsAccepted();
        try (LeanAsyncClient client = new LeanAsyncClient(loop, backend.uri(), Duration.ofSeconds(10))) {
            // 8 callers in flight, 25 calls each, one after another.
            List<CompletableFuture<Long>> bytes = new ArrayList<>();
            for (int caller = 0; caller < 8; caller++) {
                CompletableFuture<Long> total = CompletableFuture.completedFuture(0L);
                for (int call = 0; call < 25; call++) {
                    total = total.thenCompose(sum -> client.get(new Workload.Http(2, 1_000)).thenApply(n -> sum + n));
                }
                bytes.add(total);
            }
            for (CompletableFuture<Long> each : bytes) {
                assertThat(each.orTimeout(30, TimeUnit.SECONDS).join()).isEqualTo(25 * 1_000);
            }
        }
        assertThat(backend.connectionsAccepted() - before).isBetween(1L, 8L);
    }

    @Test
    void aPoolThatGrewForABurstClosesWhatItNoLongerUses() throws Exception {
        try (Backend own = Backend.start("127.0.0.1", 0, 1);
             LeanAsyncClient client = new LeanAsyncClient(loop, own.uri(), Duration.ofSeconds(10), Duration.ofMillis(300))) {
            burst(client, 6);
            assertThat(own.connectionsOpen()).isEqualTo(6);
            // One call every 100 ms for 1 s: one connection stays in use, the other 5 sit idle past 300 ms.
            for (int i = 0; i < 10; i++) {
                client.get(new Workload.Http(1, 10)).orTimeout(10, TimeUnit.SECONDS).join();
                Thread.sleep(100);
            }
            assertThat(within(Duration.ofSeconds(3), () -> own.connectionsOpen() == 1))
                    .as("open at the backend: %d", own.connectionsOpen()).isTrue();
        }
    }

    @Test
    void aPoolShrinksByAtMostOneConnectionPerTenMillisecondsNotAllAtOnce() throws Exception {
        try (Backend own = Backend.start("127.0.0.1", 0, 1);
             LeanAsyncClient client = new LeanAsyncClient(loop, own.uri(), Duration.ofSeconds(10), Duration.ofMillis(300))) {
            burst(client, 40);
            assertThat(own.connectionsOpen()).isEqualTo(40);
            Thread.sleep(400); // every connection now unused for longer than the pool's 300 ms

            // Calls one after another: each may close one, but not two within 10 ms.
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                client.get(new Workload.Http(0, 10)).orTimeout(10, TimeUnit.SECONDS).join();
            }
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            long allowed = elapsedMillis / LeanHttp.POOL_SHRINK_EVERY.toMillis() + 1;

            Thread.sleep(200); // the backend sees the closes that were made
            assertThat(40L - own.connectionsOpen()).as("closed in %d ms of calls", elapsedMillis).isPositive().isLessThanOrEqualTo(allowed);
            // And the pool does shrink to what is used, as calls go on.
            for (long end = System.nanoTime() + Duration.ofSeconds(5).toNanos(); own.connectionsOpen() > 1 && System.nanoTime() < end; ) {
                client.get(new Workload.Http(0, 10)).orTimeout(10, TimeUnit.SECONDS).join();
                Thread.sleep(5);
            }
            assertThat(own.connectionsOpen()).isEqualTo(1);
        }
    }

    /** A burst: {@code n} calls at once, each held 200 ms by the backend, so {@code n} connections, all pooled when answered. */
    private static void burst(LeanAsyncClient client, int n) {
        List<CompletableFuture<Long>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(client.get(new Workload.Http(200, 10)));
        }
        calls.forEach(call -> assertThat(call.orTimeout(10, TimeUnit.SECONDS).join()).isEqualTo(10));
    }

    @Test
    void noAnswerWithinTheTimeoutFailsTheCallNamingIt() {
        try (LeanAsyncClient client = new LeanAsyncClient(loop, backend.uri(), Duration.ofMillis(300))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.get(new Workload.Http(5_000, 1)).join())
                    .isInstanceOf(CompletionException.class).cause()
                    .isInstanceOf(SocketTimeoutException.class)
                    .hasMessage("lean client: no answer from " + backend.uri() + " within 300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void aRefusedConnectionFailsTheCallNamingIt() throws IOException {
        URI dead = deadPort();
        try (LeanAsyncClient client = new LeanAsyncClient(loop, dead, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> client.get(new Workload.Http(0, 1)).join()).cause()
                    .isInstanceOf(ConnectException.class)
                    .hasMessageStartingWith("lean client: cannot connect to " + dead + ": ");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            chunked          | HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n5\\r\\nhello\\r\\n0\\r\\n\\r\\n | lean client: chunked transfer-encoding is not supported
            bad status line  | HTTX/1.1 200 OK\\r\\nContent-Length: 2\\r\\n\\r\\nok                                | lean client: bad status line 'HTTX/1.1 200 OK'
            not 200          | HTTP/1.1 503 Service Unavailable\\r\\nContent-Length: 4\\r\\n\\r\\nbusy             | lean client: backend answered '503 Service Unavailable', not 200
            short body       | HTTP/1.1 200 OK\\r\\nContent-Length: 100\\r\\n\\r\\nonly ten b                     | lean client: connection closed after 10 of 100 body bytes
            no length        | HTTP/1.1 200 OK\\r\\n\\r\\n                                                         | lean client: the answer has no Content-Length
            no answer        | ''                                                                                  | lean client: connection to %s closed before the answer
            """)
    void anAnswerOtherThanTheBackendsFailsTheCallAtOnceNamingWhatWasWrong(String what, String raw, String message) throws IOException {
        try (CannedBackend canned = CannedBackend.answering(raw.replace("\\r\\n", "\r\n"));
             LeanAsyncClient client = new LeanAsyncClient(loop, canned.uri(), Duration.ofSeconds(10))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.get(new Workload.Http(0, 2)).join()).cause().isInstanceOf(IOException.class)
                    .hasMessage(message.formatted(canned.uri()));
            // The timeout is 10 s: the failure comes from the answer itself, not from waiting.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void cancellingACallEndsItAndClosesItsConnection() throws Exception {
        BackendActivity activity = new BackendActivity();
        try (Backend own = Backend.start("127.0.0.1", 0, 1, activity);
             LeanAsyncClient client = new LeanAsyncClient(loop, own.uri(), Duration.ofSeconds(30))) {
            CompletableFuture<Long> call = client.get(new Workload.Http(20_000, 1));
            // The request is at the backend: cancelled earlier, while its connection was still opening, the
            // call would leave a fresh connection, never written to, in the pool.
            assertThat(within(Duration.ofSeconds(5), () -> activity.requestsInProgress() == 1)).isTrue();
            assertThat(own.connectionsOpen()).isEqualTo(1);
            assertThat(call.cancel(true)).isTrue();
            assertThat(within(Duration.ofSeconds(3), () -> own.connectionsOpen() == 0))
                    .as("the cancelled call's connection is closed").isTrue();
        }
    }
}
