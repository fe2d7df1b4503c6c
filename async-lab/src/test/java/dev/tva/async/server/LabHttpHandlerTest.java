package dev.tva.async.server;

import dev.tva.async.AsyncWorkloads;
import dev.tva.workloads.Client;
import dev.tva.workloads.web.EndpointCall;
import dev.tva.workloads.web.RawHttp;
import dev.tva.workloads.web.FileBudget;
import dev.tva.workloads.web.Replies;
import dev.tva.workloads.web.RequestSlots;
import dev.tva.workloads.web.ServerLimits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.QueryStringDecoder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole per-connection pipeline (idle timeout, codec with the limits, handler) without a socket:
 * bytes in, bytes out, and the loop's clock moved by hand.
 */
class LabHttpHandlerTest {
    private final InFlightRequests inFlight = new InFlightRequests(RequestSlots.of(FileBudget.ofProcess()));

    /** A connection whose loop's clock stands still until the test moves it. No backend: only timers and CPU. */
    private static EmbeddedChannel connection(InFlightRequests inFlight) {
        return connection(inFlight, () -> { });
    }

    private static EmbeddedChannel connection(InFlightRequests inFlight, Runnable clientLeft) {
        EmbeddedChannel ch = new EmbeddedChannel(new NettyServerInitializer(
                loop -> new AsyncWorkloads(loop, null, Client.LEAN, Duration.ofSeconds(5)), inFlight, null, Integer.MAX_VALUE,
                clientLeft));
        ch.freezeTime();
        return ch;
    }

    private EmbeddedChannel connection() {
        return connection(inFlight);
    }

    private static void send(EmbeddedChannel ch, String request) {
        ch.writeInbound(Unpooled.copiedBuffer(request, StandardCharsets.ISO_8859_1));
    }

    /** Every byte written to the client so far. */
    private static String received(EmbeddedChannel ch) {
        StringBuilder text = new StringBuilder();
        for (ByteBuf buf; (buf = ch.readOutbound()) != null; ) {
            text.append(buf.toString(StandardCharsets.ISO_8859_1));
            buf.release();
        }
        return text.toString();
    }

    private static RawHttp.Exchange exchange(EmbeddedChannel ch, String request) {
        send(ch, request);
        return answer(ch);
    }

    private static RawHttp.Exchange answer(EmbeddedChannel ch) {
        String text = received(ch);
        int status = text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
        return new RawHttp.Exchange(status, text, !ch.isOpen());
    }

    private static void advance(EmbeddedChannel ch, long millis) {
        ch.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        ch.runPendingTasks();
    }

    private static Replies.Reply expected(String uri) {
        try {
            QueryStringDecoder decoded = new QueryStringDecoder(uri);
            throw new AssertionError(uri + " parsed as " + EndpointCall.parse(decoded.path(), decoded.parameters()));
        } catch (RuntimeException rejected) {
            return Replies.failure(rejected);
        }
    }

    private static String get(String uri, String... headers) {
        return "GET " + uri + " HTTP/1.1\r\nHost: x\r\n" + String.join("", headers) + "\r\n";
    }

    // ---- answers ------------------------------------------------------------------------------------

    @Test
    void helloIsAnsweredAtOnceAndTheConnectionKeptOpen() {
        EmbeddedChannel ch = connection();
        RawHttp.Exchange answer = exchange(ch, get("/hello"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("hello\n");
        assertThat(answer.header("content-type")).isEqualTo(Replies.CONTENT_TYPE);
        assertThat(answer.header("content-length")).isEqualTo("6");
        assertThat(answer.header("connection")).isNull();
        assertThat(answer.closed()).isFalse();
        assertThat(inFlight.inFlight()).isZero();
    }

    @Test
    void aClientThatLeavesBeforeItsAnswerIsTold() {
        AtomicInteger left = new AtomicInteger();
        EmbeddedChannel answered = connection(inFlight, left::incrementAndGet);
        assertThat(exchange(answered, get("/hello")).status()).isEqualTo(200);
        answered.close();
        assertThat(left.get()).as("its answer came: it left nothing unanswered").isZero();

        EmbeddedChannel waiting = connection(inFlight, left::incrementAndGet);
        send(waiting, get("/sleep?ms=1000"));
        advance(waiting, 10);
        waiting.close();
        assertThat(left.get()).as("gone while its /sleep ran").isEqualTo(1);
        assertThat(inFlight.inFlight()).isZero();
    }

    @Test
    void connectionCloseIsAnsweredWithConnectionCloseAndTheConnectionClosed() {
        EmbeddedChannel ch = connection();
        RawHttp.Exchange answer = exchange(ch, get("/hello", "Connection: close\r\n"));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("connection")).isEqualTo("close");
        assertThat(answer.closed()).isTrue();
    }

    @Test
    void http10KeepsTheConnectionOnlyWhenAskedTo() {
        EmbeddedChannel plain = connection();
        assertThat(exchange(plain, "GET /hello HTTP/1.0\r\n\r\n").closed()).isTrue();

        EmbeddedChannel keepAlive = connection();
        RawHttp.Exchange answer = exchange(keepAlive, "GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        assertThat(answer.header("connection")).isEqualTo("keep-alive");
        assertThat(answer.closed()).isFalse();
    }

    @Test
    void aBadParameterIs400WithTheSharedLineAndTheConnectionStaysOpen() {
        EmbeddedChannel ch = connection();
        for (String uri : List.of("/sleep?ms=-5", "/cpu?work=abc", "/io?msec=50", "/sleep?ms=1&ms=2")) {
            RawHttp.Exchange answer = exchange(ch, get(uri));
            assertThat(answer.status()).as(uri).isEqualTo(400);
            assertThat(answer.body()).as(uri).isEqualTo(expected(uri).body());
        }
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void aBrokenPercentEscapeIsAClientMistakeNotAnInternalError() {
        RawHttp.Exchange answer = exchange(connection(), get("/sleep?ms=%zz"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).startsWith("malformed query: ").hasLineCount(1);
    }

    @Test
    void anUnknownPathIs404ListingTheEndpoints() {
        RawHttp.Exchange answer = exchange(connection(), get("/nope"));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).isEqualTo(Replies.notFound("/nope").body());
    }

    @Test
    void onlyGetIsAllowedAndABodyIsReadAndIgnored() {
        EmbeddedChannel ch = connection();
        RawHttp.Exchange answer = exchange(ch, "POST /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.body()).isEqualTo(Replies.methodNotAllowed("POST").body());
        // The body was consumed whole: the next request on the connection is read as a request.
        assertThat(exchange(ch, get("/hello")).status()).isEqualTo(200);
    }

    @Test
    void aClientThatExpects100ContinueIsToldToSendItsBody() {
        EmbeddedChannel ch = connection();
        send(ch, "POST /hello HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
        assertThat(received(ch)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
        RawHttp.Exchange answer = exchange(ch, "hello");
        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.closed()).isFalse();
    }

    @Test
    void beyondTheLimitOfRequestsInProgressTheAnswerIs503() {
        InFlightRequests one = new InFlightRequests(new RequestSlots(1));
        EmbeddedChannel sleeping = connection(one);
        EmbeddedChannel other = connection(one);
        send(sleeping, get("/sleep?ms=100"));

        RawHttp.Exchange refused = exchange(other, get("/hello"));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.body()).isEqualTo(Replies.overloaded(1).body());
        assertThat(refused.closed()).isFalse();

        advance(sleeping, 100);
        assertThat(answer(sleeping).body()).isEqualTo("slept 100 ms\n");
        assertThat(exchange(other, get("/hello")).status()).isEqualTo(200);
        assertThat(one.inFlight()).isZero();
    }

    @Test
    void pipelinedRequestsAreAnsweredOneAtATimeInOrder() {
        EmbeddedChannel ch = connection();
        send(ch, get("/sleep?ms=200") + get("/hello"));
        assertThat(received(ch)).as("hello waits for the sleep before it").isEmpty();

        advance(ch, 200);
        String both = received(ch);
        assertThat(both.indexOf("slept 200 ms\n")).isPositive().isLessThan(both.indexOf("hello\n"));
    }

    // ---- streaming ----------------------------------------------------------------------------------

    @Test
    void aStreamSendsItsFirstChunkAtOnceThenOnePerIntervalInChunkedFraming() {
        EmbeddedChannel ch = connection();
        RawHttp.Exchange head = exchange(ch, get("/stream?chunks=3&ms=100"));
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("transfer-encoding")).isEqualTo("chunked");
        assertThat(head.header("content-type")).isEqualTo(Replies.CONTENT_TYPE);
        assertThat(head.body()).isEqualTo("d\r\nchunk 1 of 3\n\r\n");

        advance(ch, 99);
        assertThat(received(ch)).isEmpty();
        advance(ch, 1);
        assertThat(received(ch)).isEqualTo("d\r\nchunk 2 of 3\n\r\n");
        advance(ch, 100);
        assertThat(received(ch)).isEqualTo("d\r\nchunk 3 of 3\n\r\n0\r\n\r\n");

        assertThat(ch.isOpen()).isTrue();
        assertThat(inFlight.inFlight()).isZero();
        assertThat(exchange(ch, get("/hello")).body()).isEqualTo("hello\n");
    }

    @Test
    void aStreamStopsWhenTheClientGoesAway() {
        EmbeddedChannel ch = connection();
        exchange(ch, get("/stream?chunks=100&ms=100"));
        assertThat(inFlight.inFlight()).isOne();

        // What the transport reports when the peer closes (EmbeddedChannel.close() would drop all timers itself).
        ch.pipeline().fireChannelInactive();
        assertThat(inFlight.inFlight()).isZero();
        advance(ch, 1_000);
        assertThat(received(ch)).as("chunks after the client left").isEmpty();
        assertThat(ch.runScheduledPendingTasks()).as("timers left").isEqualTo(-1);
    }

    @Test
    void http10GetsTheStreamUnchunkedUntilTheConnectionCloses() {
        EmbeddedChannel ch = connection();
        send(ch, "GET /stream?chunks=2&ms=10 HTTP/1.0\r\n\r\n");
        advance(ch, 10);
        RawHttp.Exchange answer = answer(ch);
        assertThat(answer.header("transfer-encoding")).isNull();
        assertThat(answer.body()).isEqualTo("chunk 1 of 2\nchunk 2 of 2\n");
        assertThat(answer.closed()).isTrue();
    }

    // ---- refusals: the status, Connection: close, and the connection closed -------------------------

    private static void assertRefused(RawHttp.Exchange answer, int status) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.header("connection")).isEqualTo("close");
        assertThat(answer.body()).hasLineCount(1);
        assertThat(answer.closed()).as("closed").isTrue();
    }

    @Test
    void aRequestLineOverTheLimitIs414() {
        String uri = "/hello?pad=" + "x".repeat(ServerLimits.MAX_REQUEST_LINE);
        RawHttp.Exchange answer = exchange(connection(), get(uri));
        assertRefused(answer, 414);
        assertThat(answer.body()).isEqualTo(Replies.REQUEST_LINE_TOO_LONG.body());
    }

    @Test
    void headersOverTheLimitAre431() {
        String pad = "X-Pad: " + "y".repeat(ServerLimits.MAX_HEADER_BYTES) + "\r\n";
        assertRefused(exchange(connection(), get("/hello", pad)), 431);
    }

    @Test
    void anAnnouncedBodyOverTheLimitIs413BeforeItArrives() {
        assertRefused(exchange(connection(), get("/hello", "Content-Length: " + (ServerLimits.MAX_BODY_BYTES + 1) + "\r\n")), 413);
    }

    @Test
    void aChunkedBodyIs413OnceItGrowsOverTheLimit() {
        EmbeddedChannel ch = connection();
        send(ch, get("/hello", "Transfer-Encoding: chunked\r\n"));
        String chunk = Integer.toHexString(8_192) + "\r\n" + "z".repeat(8_192) + "\r\n";
        for (int sent = 0; sent <= ServerLimits.MAX_BODY_BYTES && ch.isOpen(); sent += 8_192) {
            send(ch, chunk);
        }
        assertRefused(answer(ch), 413);
    }

    @Test
    void aBodyWithinTheLimitIsReadAndIgnored() {
        EmbeddedChannel ch = connection();
        RawHttp.Exchange answer = exchange(ch, get("/hello", "Content-Length: " + ServerLimits.MAX_BODY_BYTES + "\r\n")
                + "z".repeat(ServerLimits.MAX_BODY_BYTES));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.closed()).isFalse();
    }

    @Test
    void contentLengthWithTransferEncodingIs400() {
        RawHttp.Exchange answer = exchange(connection(),
                get("/hello", "Content-Length: 5\r\n", "Transfer-Encoding: chunked\r\n") + "0\r\n\r\n");
        assertRefused(answer, 400);
        assertThat(answer.body()).isEqualTo(Replies.AMBIGUOUS_LENGTH.body());
    }

    @Test
    void aMalformedHeaderIs400() {
        assertRefused(exchange(connection(), get("/hello", "Bad Header: x\r\n")), 400);
    }

    @Test
    void aRefusalWaitsForTheAnswerBeforeIt() {
        EmbeddedChannel ch = connection();
        send(ch, get("/sleep?ms=50") + get("/hello", "Bad Header: x\r\n"));
        assertThat(received(ch)).isEmpty();
        advance(ch, 50);
        String text = received(ch);
        assertThat(text).startsWith("HTTP/1.1 200 OK").contains("slept 50 ms\n").contains("HTTP/1.1 400 Bad Request");
        assertThat(ch.isOpen()).isFalse();
    }

    // ---- idle connections ---------------------------------------------------------------------------

    @Test
    void aConnectionIdleForTheTimeoutIsClosed() {
        EmbeddedChannel ch = connection();
        exchange(ch, get("/hello"));
        advance(ch, ServerLimits.IDLE_TIMEOUT.toMillis() - 1_000);
        assertThat(ch.isOpen()).isTrue();
        advance(ch, 1_000);
        assertThat(ch.isOpen()).isFalse();
    }
}
