package dev.tva.workloads.web;

import dev.tva.workloads.Backend;
import dev.tva.workloads.CpuKernel;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every lab server must do, checked over a real loopback socket: the same requests get the same
 * status codes and the same bodies on all four servers. Each server module extends this with one method
 * that starts its server; nothing else may differ.
 *
 * <p>Expected bodies come from {@link Replies} and the CPU kernel, not from typed-in strings, so the
 * servers are held to the shared code. Timing checks have wide margins (they separate "parallel" from
 * "one after another", not milliseconds).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServerContract {
    private Backend backend;
    private LabServer server;
    private HttpClient client;

    /** The server under test. */
    protected abstract ServerId id();

    /** Starts the server under test with {@code config}. */
    protected abstract LabServer start(ServerConfig config);

    /** The configuration the contract runs with; a server test may adjust it (e.g. fewer threads). */
    protected ServerConfig config(URI backend) {
        return ServerConfig.of(id(), 0, backend).withThreads(32);
    }

    @BeforeAll
    void startServer() {
        backend = Backend.start("127.0.0.1", 0, 1);
        server = start(config(backend.uri()));
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    void stopServer() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    protected LabServer server() {
        return server;
    }

    protected HttpResponse<String> get(String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(20)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private void assertReply(String pathAndQuery, Replies.Reply expected) throws Exception {
        HttpResponse<String> response = get(pathAndQuery);
        assertThat(response.statusCode()).as(id() + " GET " + pathAndQuery).isEqualTo(expected.status());
        assertThat(response.body()).as(id() + " GET " + pathAndQuery).isEqualTo(expected.body());
        assertThat(response.headers().firstValue("content-type")).as("content type").hasValue(Replies.CONTENT_TYPE);
    }

    private static EndpointCall call(String uri) {
        io.netty.handler.codec.http.QueryStringDecoder decoded = new io.netty.handler.codec.http.QueryStringDecoder(uri);
        return EndpointCall.parse(decoded.path(), decoded.parameters());
    }

    // ---- endpoints ----------------------------------------------------------------------------------

    @Test
    void helloAnswersHello() throws Exception {
        assertReply("/hello", new Replies.Reply(200, "hello\n"));
    }

    @Test
    void sleepWaitsAtLeastItsTime() throws Exception {
        long start = System.nanoTime();
        assertReply("/sleep?ms=100", Replies.ok(call("/sleep?ms=100"), 0));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void ioCallsTheBackendAndCountsItsBytes() throws Exception {
        assertReply("/io?ms=20", Replies.ok(call("/io?ms=20"), Replies.DEFAULT_BYTES));
        assertReply("/io?ms=0&bytes=5000", Replies.ok(call("/io?ms=0&bytes=5000"), 5000));
    }

    @Test
    void cpuComputesTheKernelsChecksum() throws Exception {
        long checksum = CpuKernel.run(50, EndpointCall.CPU_SEED);
        assertReply("/cpu?work=50", Replies.ok(call("/cpu?work=50"), checksum));
    }

    @Test
    void mixedCallsThenComputes() throws Exception {
        long expected = CpuKernel.run(7, EndpointCall.CPU_SEED) + Replies.DEFAULT_BYTES;
        assertReply("/mixed?ms=10&work=7", Replies.ok(call("/mixed?ms=10&work=7"), expected));
    }

    @Test
    void fanoutMakesItsCallsAtOnce() throws Exception {
        long start = System.nanoTime();
        assertReply("/fanout?n=10&ms=300", Replies.ok(call("/fanout?n=10&ms=300"), 10L * Replies.DEFAULT_BYTES));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        // In parallel: about 300 ms. One after another would be 3 s; a busy machine has been seen to take 1.3 s.
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(Duration.ofMillis(2_400));
    }

    @Test
    void streamSendsEachChunkWhenItExists() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/stream?chunks=3&ms=400"))
                .timeout(Duration.ofSeconds(20)).build();
        long start = System.nanoTime();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("transfer-encoding")).hasValue("chunked");
        assertThat(response.headers().firstValue("content-type")).hasValue(Replies.CONTENT_TYPE);
        List<String> lines = new ArrayList<>();
        List<Duration> arrivals = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line + "\n");
                arrivals.add(Duration.ofNanos(System.nanoTime() - start));
            }
        }
        assertThat(lines).containsExactly(Replies.chunk(1, 3), Replies.chunk(2, 3), Replies.chunk(3, 3));
        // Streamed, not buffered: the first chunk arrives long before the last (800 ms apart when sent on time).
        assertThat(arrivals.get(0)).isLessThan(Duration.ofMillis(400));
        assertThat(arrivals.get(2)).isGreaterThanOrEqualTo(Duration.ofMillis(800));
    }

    @Test
    void dbWithoutADatabaseIs503WithTheReason() throws Exception {
        HttpResponse<String> response = get("/db?ms=5");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).startsWith("database unavailable: no database configured").endsWith("\n")
                .doesNotContain("\n\n").hasLineCount(1);
    }

    @Test
    void keepAliveServesSeveralRequestsOnOneConnection() throws Exception {
        RawHttp.Exchange two = RawHttp.send(server.port(),
                "GET /hello HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 5_000);
        assertThat(two.text().split("HTTP/1.1 200", -1)).hasSize(3);
        assertThat(two.closed()).isTrue();
    }

    // ---- bad input: the same status and the same line on every server -------------------------------

    @Test
    void badQueryValuesAre400NamingTheParameterAndItsRange() throws Exception {
        for (String uri : List.of("/sleep?ms=-5", "/cpu?work=abc", "/sleep?ms=600000", "/sleep", "/fanout?n=0&ms=5",
                "/stream?chunks=5000&ms=1", "/io?msec=50", "/mixed?ms=5", "/sleep?ms=1&ms=2")) {
            Replies.Reply expected = Replies.failure(assertRejected(uri));
            assertThat(expected.status()).isEqualTo(400);
            assertReply(uri, expected);
        }
    }

    private static RuntimeException assertRejected(String uri) {
        try {
            call(uri);
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError(uri + " should be rejected");
    }

    @Test
    void anUnknownPathIs404() throws Exception {
        assertReply("/nope", Replies.notFound("/nope"));
    }

    @Test
    void onlyGetIsAllowed() throws Exception {
        HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/hello"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build();
        HttpResponse<String> response = client.send(post, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).isEqualTo(Replies.methodNotAllowed("POST").body());
    }

    @Test
    void anOversizeRequestLineIsRefusedAndTheConnectionClosed() throws Exception {
        String path = "/hello?pad=" + "x".repeat(ServerLimits.MAX_REQUEST_LINE + 1_000);
        RawHttp.Exchange answer = RawHttp.send(server.port(), "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n", 5_000);
        assertThat(answer.status()).as(answer.text()).isIn(414, 400);
        assertThat(answer.closed()).as("connection closed").isTrue();
    }

    @Test
    void oversizeHeadersAreRefusedAndTheConnectionClosed() throws Exception {
        StringBuilder request = new StringBuilder("GET /hello HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 40; i++) {
            request.append("X-Pad-").append(i).append(": ").append("y".repeat(1_000)).append("\r\n");
        }
        RawHttp.Exchange answer = RawHttp.send(server.port(), request.append("\r\n").toString(), 5_000);
        assertThat(answer.status()).as(answer.text()).isIn(431, 400);
        assertThat(answer.closed()).as("connection closed").isTrue();
    }

    @Test
    void anOversizeBodyIsRefusedAndTheConnectionClosed() throws Exception {
        RawHttp.Exchange answer = RawHttp.send(server.port(), "GET /hello HTTP/1.1\r\nHost: x\r\nContent-Length: "
                + (ServerLimits.MAX_BODY_BYTES + 1) + "\r\n\r\n" + "z".repeat(1_000), 5_000);
        assertThat(answer.status()).as(answer.text()).isIn(413, 400);
        assertThat(answer.closed()).as("connection closed").isTrue();
    }

    @Test
    void contentLengthWithTransferEncodingIsRefusedAndTheConnectionClosed() throws Exception {
        RawHttp.Exchange answer = RawHttp.send(server.port(), "GET /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 5_000);
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.closed()).as("connection closed").isTrue();
    }

    // ---- HTTP/1.1 conformance: what the RFCs say a server must refuse, refused alike -------------------

    /**
     * Cases this server's own parser refuses before any lab code sees the request: the status is the lab's,
     * the body the library's own (docs/servers.md lists them).
     */
    protected Set<HeadCase> refusedInTheParsersOwnWords() {
        return EnumSet.noneOf(HeadCase.class);
    }

    /**
     * Cases this server's parser hides from the lab's check, so they cannot be refused (docs/servers.md says
     * why); checked to be answered as the docs say (200), so that the list stays true.
     */
    protected Set<HeadCase> servedDespiteTheRules() {
        return EnumSet.noneOf(HeadCase.class);
    }

    /**
     * Cases this server leaves unanswered, its connection waiting for bytes that make sense (docs/servers.md
     * says why): nothing after them is served, so nothing is smuggled, but no refusal comes either.
     */
    protected Set<HeadCase> leftUnanswered() {
        return EnumSet.noneOf(HeadCase.class);
    }

    @Test
    void requestsTheRfcsForbidAreRefusedAlikeAndTheConnectionClosed() throws Exception {
        SoftAssertions soft = new SoftAssertions();
        for (HeadCase head : HeadCase.values()) {
            RawHttp.Exchange answer = RawHttp.send(server.port(), head.request(), 3_000);
            String what = id() + " " + head + ": " + answer.text();
            if (servedDespiteTheRules().contains(head)) {
                soft.assertThat(answer.status()).as(what).isEqualTo(200);
                continue;
            }
            if (leftUnanswered().contains(head)) {
                soft.assertThat(answer.text()).as(what).isEmpty();
                continue;
            }
            soft.assertThat(answer.status()).as(what).isEqualTo(head.expected().status());
            soft.assertThat(answer.closed()).as(what + " (closed)").isTrue();
            if (!refusedInTheParsersOwnWords().contains(head)) {
                soft.assertThat(answer.body()).as(what).isEqualTo(head.expected().body());
                soft.assertThat(answer.header("Content-Type")).as(what).isEqualTo(Replies.CONTENT_TYPE);
            }
        }
        soft.assertAll();
    }

    @Test
    void anAnswerBeforeTheBodyNeverServesTheBodyAsARequest() throws Exception {
        // The body is a request of its own: if the server answered early and then parsed the body as the
        // next request, the 404 for /smuggled would come back.
        String smuggled = "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n";
        String next = "GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        for (String target : List.of("POST /hello", "GET /sleep?ms=-1", "DELETE /nope")) {
            String head = target + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + smuggled.length() + "\r\n\r\n";
            for (RawHttp.Exchange answer : List.of(RawHttp.send(server.port(), head + smuggled + next, 3_000),
                    RawHttp.send(server.port(), head, 500, smuggled + next, 3_000))) {
                assertThat(answer.status()).as(id() + " " + target + ": " + answer.text()).isIn(400, 404, 405);
                assertThat(answer.text()).as(id() + " " + target).doesNotContain("/smuggled");
                // Either the body was drained and the next request served, or the connection closed after the answer.
                assertThat(answer.text().split("HTTP/1.1 ", -1).length - 1).as(id() + " answers to " + target).isBetween(1, 2);
                assertThat(answer.closed()).as(id() + " " + target + " closed at the end").isTrue();
            }
        }
    }

    // ---- a head trickled one byte at a time (slowloris) -----------------------------------------------

    /** How this server ends a head that is still incomplete at {@link ServerLimits#HEAD_TIMEOUT}. */
    protected enum SlowHeadEnd {
        /** A 408 with the lab's line, then the connection closed. */
        ANSWERED_408,
        /** The connection closed without an answer. */
        CLOSED_UNANSWERED
    }

    protected SlowHeadEnd slowHeadEnd() {
        return SlowHeadEnd.ANSWERED_408;
    }

    @Test
    void aHeadTrickledSlowlyIsCutOffAtTheHeadTimeout() throws Exception {
        Duration limit = ServerLimits.HEAD_TIMEOUT;
        // A byte every 250 ms: never idle, never complete.
        SlowHead.Outcome outcome = SlowHead.trickle("127.0.0.1", server.port(), Duration.ofMillis(250), limit.plusSeconds(4));
        String what = id() + " after " + outcome.cutOffAfter() + ", received: " + outcome.received();
        // Not before the limit (less a tick), and within a few seconds after it.
        assertThat(outcome.cutOffAfter()).as(what).isNotNull().isBetween(limit.minusMillis(500), limit.plusSeconds(3));
        assertThat(outcome.received()).as(what).isEqualTo(slowHeadEnd() == SlowHeadEnd.ANSWERED_408
                ? new String(ServerLimits.headTooSlowOnTheWire(), StandardCharsets.UTF_8) : "");
    }

    @Test
    void aDeadBackendIs502NotAHang() throws Exception {
        int deadPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            deadPort = probe.getLocalPort();
        }
        try (LabServer orphan = start(config(URI.create("http://127.0.0.1:" + deadPort)))) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + orphan.port() + "/io?ms=5")).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.body()).startsWith("backend call failed: ").hasLineCount(1);
        }
    }
}
