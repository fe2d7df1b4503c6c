package dev.tva.threads;

import dev.tva.workloads.Backend;
import dev.tva.workloads.CannedBackend;
import dev.tva.workloads.LeanHttp;
import dev.tva.workloads.Workload;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import static dev.tva.workloads.Eventually.deadPort;
import static dev.tva.workloads.Eventually.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lean blocking client against the real backend, and against answers it must refuse. LeanAsyncClientIT is its twin. */
class LeanBlockingClientIT {
    private static Backend backend;

    @BeforeAll
    static void start() {
        backend = Backend.start("127.0.0.1", 0, 1);
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @Test
    void keepAliveOpensNoMoreConnectionsThanCallsInFlight() throws Exception {
        long before = backend.connectionsAccepted();
        try (LeanBlockingClient client = new LeanBlockingClient(backend.uri(), Duration.ofSeconds(10));
             ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            // 8 callers in flight, 25 calls each, one after another.
            List<Future<Long>> bytes = new ArrayList<>();
            for (int caller = 0; caller < 8; caller++) {
                bytes.add(callers.submit(() -> {
                    long total = 0;
                    for (int call = 0; call < 25; call++) {
                        total += client.get(new Workload.Http(2, 1_000));
                    }
                    return total;
                }));
            }
            for (Future<Long> each : bytes) {
                assertThat(each.get()).isEqualTo(25 * 1_000);
            }
        }
        assertThat(backend.connectionsAccepted() - before).isBetween(1L, 8L);
    }

    @Test
    void aPoolThatGrewForABurstClosesWhatItNoLongerUses() throws Exception {
        try (Backend own = Backend.start("127.0.0.1", 0, 1);
             LeanBlockingClient client = new LeanBlockingClient(own.uri(), Duration.ofSeconds(10), Duration.ofMillis(300))) {
            burst(client, 6);
            assertThat(own.connectionsOpen()).isEqualTo(6);
            // One call every 100 ms for 1 s: one connection stays in use, the other 5 sit idle past 300 ms.
            for (int i = 0; i < 10; i++) {
                client.get(new Workload.Http(1, 10));
                Thread.sleep(100);
            }
            assertThat(within(Duration.ofSeconds(3), () -> own.connectionsOpen() == 1))
                    .as("open at the backend: %d", own.connectionsOpen()).isTrue();
        }
    }

    @Test
    void aPoolShrinksByAtMostOneConnectionPerTenMillisecondsNotAllAtOnce() throws Exception {
        try (Backend own = Backend.start("127.0.0.1", 0, 1);
             LeanBlockingClient client = new LeanBlockingClient(own.uri(), Duration.ofSeconds(10), Duration.ofMillis(300))) {
            burst(client, 40);
            assertThat(own.connectionsOpen()).isEqualTo(40);
            Thread.sleep(400); // every connection now unused for longer than the pool's 300 ms

            // Calls one after another: each may close one, but not two within 10 ms.
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                client.get(new Workload.Http(0, 10));
            }
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            long allowed = elapsedMillis / LeanHttp.POOL_SHRINK_EVERY.toMillis() + 1;

            Thread.sleep(200); // the backend sees the closes that were made
            assertThat(40L - own.connectionsOpen()).as("closed in %d ms of calls", elapsedMillis).isPositive().isLessThanOrEqualTo(allowed);
            // And the pool does shrink to what is used, as calls go on.
            for (long end = System.nanoTime() + Duration.ofSeconds(5).toNanos(); own.connectionsOpen() > 1 && System.nanoTime() < end; ) {
                client.get(new Workload.Http(0, 10));
                Thread.sleep(5);
            }
            assertThat(own.connectionsOpen()).isEqualTo(1);
        }
    }

    /** A burst: {@code n} calls at once, each held 200 ms by the backend, so {@code n} connections, all pooled when answered. */
    private static void burst(LeanBlockingClient client, int n) throws Exception {
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Long>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(callers.submit(() -> client.get(new Workload.Http(200, 10))));
            }
            for (Future<Long> call : calls) {
                assertThat(call.get()).isEqualTo(10);
            }
        }
    }

    @Test
    void noAnswerWithinTheTimeoutFailsTheCallNamingIt() {
        try (LeanBlockingClient client = new LeanBlockingClient(backend.uri(), Duration.ofMillis(300))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.get(new Workload.Http(5_000, 1)))
                    .isInstanceOf(SocketTimeoutException.class)
                    .hasMessage("lean client: no answer from " + backend.uri() + " within 300 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void aRefusedConnectionFailsTheCallNamingIt() throws IOException {
        URI dead = deadPort();
        try (LeanBlockingClient client = new LeanBlockingClient(dead, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> client.get(new Workload.Http(0, 1)))
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
             LeanBlockingClient client = new LeanBlockingClient(canned.uri(), Duration.ofSeconds(10))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.get(new Workload.Http(0, 2))).isInstanceOf(IOException.class)
                    .hasMessage(message.formatted(canned.uri()));
            // The timeout is 10 s: the failure comes from the answer itself, not from waiting.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void interruptingACallOnAPlatformThreadEndsItAndClosesItsConnection() throws Exception {
        try (Backend own = Backend.start("127.0.0.1", 0, 1);
             LeanBlockingClient client = new LeanBlockingClient(own.uri(), Duration.ofSeconds(30))) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread caller = Thread.ofPlatform().start(() -> {
                try {
                    client.get(new Workload.Http(20_000, 1));
                } catch (IOException e) {
                    failure.set(e);
                }
            });
            assertThat(within(Duration.ofSeconds(5), () -> own.connectionsOpen() == 1)).isTrue();
            long start = System.nanoTime();
            caller.interrupt();
            caller.join(Duration.ofSeconds(5));
            assertThat(caller.isAlive()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(failure.get()).isInstanceOf(IOException.class);
            assertThat(within(Duration.ofSeconds(3), () -> own.connectionsOpen() == 0))
                    .as("the interrupted call's connection is closed").isTrue();
        }
    }
}
