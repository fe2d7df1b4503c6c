package dev.tva.threads.server;

import dev.tva.threads.BlockingWorkloads;
import dev.tva.workloads.web.FileBudget;
import dev.tva.workloads.web.LabServer;
import dev.tva.workloads.web.Replies;
import dev.tva.workloads.web.RequestSlots;
import dev.tva.workloads.web.RequestHead;
import dev.tva.workloads.web.ServerConfig;
import dev.tva.workloads.web.ServerId;
import dev.tva.workloads.web.ServerLimits;
import io.helidon.common.Version;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.RequestException;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.http1.Http1Config;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The helidon server: Helidon 4 SE WebServer, which runs each connection's requests on a virtual thread
 * of its own, so the handler is plain blocking code ({@link BlockingEndpoints}) and nobody sizes a pool.
 * Its accept loop waits while those threads wait too long to run ({@link HelidonAcceptGate}): an overload is
 * then queued by the kernel, not by the virtual-thread scheduler.
 */
public final class HelidonServer implements LabServer {
    /** How long {@link #close()} lets requests in progress finish. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(3);
    /** How often idle connections are looked for; Helidon's default (2 min) would double the idle timeout. */
    static final Duration IDLE_CHECK_PERIOD = Duration.ofSeconds(10);

    private final WebServer server;
    private final BlockingWorkloads workloads;
    private final ExecutorService forks;
    private final HelidonHeadTimeout headTimeout;
    private final HelidonAcceptGate acceptGate;

    private HelidonServer(WebServer server, BlockingWorkloads workloads, ExecutorService forks, HelidonHeadTimeout headTimeout,
                          HelidonAcceptGate acceptGate) {
        this.server = server;
        this.workloads = workloads;
        this.forks = forks;
        this.headTimeout = headTimeout;
        this.acceptGate = acceptGate;
    }

    /**
     * Starts a server for {@code config} (whose {@code threads} it ignores: there is no pool) and returns
     * once it listens.
     *
     * @throws IllegalArgumentException when {@code config} is not for {@link ServerId#HELIDON}
     */
    public static HelidonServer start(ServerConfig config) {
        if (config.server() != ServerId.HELIDON) {
            throw new IllegalArgumentException("HelidonServer runs the helidon server, not " + config.server());
        }
        HelidonSerialFilter.configure();
        // /fanout's calls run on virtual threads too: the same kind of thread as the handler.
        ExecutorService forks = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("helidon-fork-", 0).factory());
        BlockingWorkloads workloads = new BlockingWorkloads(forks, config.backend(), config.client(), ServerLimits.BACKEND_TIMEOUT,
                config.database());
        FileBudget budget = FileBudget.current();
        BlockingEndpoints endpoints = new BlockingEndpoints(workloads, RequestSlots.of(budget));
        Http1Config http1 = Http1Config.builder()
                .maxPrologueLength(ServerLimits.MAX_REQUEST_LINE)
                .maxHeadersSize(ServerLimits.MAX_HEADER_BYTES)
                // Host, Content-Length and Transfer-Encoding: the lab's rules, in its words.
                .validateRequestHostHeader(false)
                .addReceiveListener(new HelidonHeadCheck())  // the only one: Helidon calls none of two
                .build();
        HelidonHeadTimeout headTimeout = new HelidonHeadTimeout(http1, ServerLimits.HEAD_TIMEOUT);
        HelidonAcceptGate acceptGate = new HelidonAcceptGate();
        try {
            WebServer server = WebServer.builder()
                    .host(config.host())
                    .port(config.port())
                    // Every limit of ServerLimits, set here rather than left to Helidon's defaults.
                    .addProtocol(http1)
                    .addConnectionSelector(new HelidonVersions())
                    // Before Helidon's own HTTP/1 selector: the same connections, with a head timeout.
                    .addConnectionSelector(headTimeout)
                    .maxPayloadSize(ServerLimits.MAX_BODY_BYTES)
                    .idleConnectionTimeout(ServerLimits.IDLE_TIMEOUT)
                    .idleConnectionPeriod(IDLE_CHECK_PERIOD)
                    // The file budget: connections here, backend sockets by the lab's check in BlockingEndpoints
                    // (Helidon's own limit counts requests, not sockets: the same number, as a backstop).
                    .maxTcpConnections(budget.connections())
                    // No new connection accepted while virtual threads wait too long to run (HelidonAcceptGate).
                    .connectionOptions(acceptGate)
                    .maxConcurrentRequests(budget.requestSockets())
                    .shutdownGracePeriod(SHUTDOWN_GRACE)
                    .shutdownHook(false)  // close() is how it stops
                    .directHandlers(handlers -> {
                        for (DirectHandler.EventType event : DirectHandler.EventType.values()) {
                            handlers.addHandler(event, refusals(budget.requestSockets()));
                        }
                    })
                    .routing(routing -> routing.any((request, response) -> serve(request, response, endpoints)))
                    .build()
                    .start();
            return new HelidonServer(server, workloads, forks, headTimeout, acceptGate);
        } catch (RuntimeException e) {
            acceptGate.close();
            headTimeout.close();
            forks.shutdownNow();
            workloads.close();
            throw e;
        }
    }

    /**
     * Helidon answers a request over a limit itself, before any handler; this words those answers as the
     * other servers do (Helidon's own are empty). Others, such as a malformed request, stay Helidon's.
     */
    static DirectHandler refusals(int requestLimit) {
        DirectHandler helidon = DirectHandler.defaultHandler();
        return (request, event, status, headers, message) -> {
            Replies.Reply reply = switch (status.code()) {
                case 413 -> Refusals.BODY_TOO_LARGE;
                case 414 -> Refusals.REQUEST_LINE_TOO_LONG;
                case 431 -> Refusals.HEADERS_TOO_LARGE;
                case 503 -> Replies.overloaded(requestLimit);
                default -> null;
            };
            if (reply == null) {
                return helidon.handle(request, event, status, headers, message);
            }
            return DirectHandler.TransportResponse.builder()
                    .status(status)
                    .headers(headers)
                    .header(HeaderNames.CONTENT_TYPE, Replies.CONTENT_TYPE)
                    .keepAlive(false)
                    .entity(reply.body().getBytes(StandardCharsets.UTF_8))
                    .build();
        };
    }

    /** One request, on its connection's virtual thread. */
    private static void serve(ServerRequest request, ServerResponse response, BlockingEndpoints endpoints) throws IOException {
        boolean head = request.prologue().method() == Method.HEAD;
        if (!readBody(request)) {
            new Answer(response, head).send(RequestHead.MALFORMED_CHUNK);
            throw new CloseConnectionException("malformed chunked body");  // the rest of the connection is unframed
        }
        endpoints.handle(request.prologue().method().text(), target(request), new Answer(response, head));
        if (request.headers().containsToken(HeaderValues.CONNECTION_CLOSE)) {
            // Helidon answers "Connection: close" but keeps the connection open (helidon-io/helidon#12324, seen
            // from 4.4.1 to 4.5.3). The answer is out: closing now is what the client asked for.
            throw new CloseConnectionException("the client asked to close the connection");
        }
    }

    /**
     * Reads the body to its end before anything is answered, so that no byte of it is left to be read as
     * the next request; false when it is not framed right (a malformed chunk). Helidon's own refusals, such
     * as a body over the limit, go on to Helidon.
     */
    private static boolean readBody(ServerRequest request) {
        try (InputStream body = request.content().inputStream()) {
            body.transferTo(OutputStream.nullOutputStream());
            return true;
        } catch (RequestException refused) {
            if (refused.status().code() == Refusals.BODY_TOO_LARGE.status()) {
                throw refused;  // Helidon's limit: its refusal, worded by refusals()
            }
            return false;
        } catch (CloseConnectionException gone) {
            throw gone;
        } catch (IOException | RuntimeException malformed) {
            return false;
        }
    }

    /** The request target as the client sent it, still encoded: {@link BlockingEndpoints} decodes it. */
    private static String target(ServerRequest request) {
        String query = request.prologue().query().rawValue();
        String path = request.prologue().uriPath().rawPath();
        return query.isEmpty() ? path : path + "?" + query;
    }

    @Override
    public ServerId id() {
        return ServerId.HELIDON;
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public String describe() {
        return "Helidon " + Version.VERSION + " WebServer, a virtual thread per connection (its requests in turn)";
    }

    @Override
    public void close() {
        server.stop();  // stops accepting; waits up to SHUTDOWN_GRACE for requests in progress
        acceptGate.close();
        headTimeout.close();
        forks.shutdown();
        try {
            if (!forks.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                forks.shutdownNow();
            }
        } catch (InterruptedException e) {
            forks.shutdownNow();
            Thread.currentThread().interrupt();
        }
        workloads.close();
    }

    /** {@link BlockingEndpoints}' answer written on a Helidon response. */
    private record Answer(ServerResponse response, boolean head) implements BlockingEndpoints.Response {
        @Override
        public void send(Replies.Reply reply) {
            response.status(reply.status()).header(HeaderNames.CONTENT_TYPE, Replies.CONTENT_TYPE);
            if (head) {
                response.send();  // an answer to HEAD has no body; Helidon would send one
            } else {
                response.send(reply.body().getBytes(StandardCharsets.UTF_8));
            }
        }

        @Override
        public OutputStream stream() {
            // No length set: Helidon sends the answer chunked, a chunk at each flush.
            response.status(200).header(HeaderNames.CONTENT_TYPE, Replies.CONTENT_TYPE);
            return new Checked(response.outputStream());
        }
    }

    /** Helidon reports a lost connection unchecked; the handler expects the {@link IOException} of a write. */
    private static final class Checked extends FilterOutputStream {
        Checked(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                out.write(bytes, offset, length);
            } catch (UncheckedIOException | CloseConnectionException e) {
                throw new IOException("client has gone: " + e.getMessage(), e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (UncheckedIOException | CloseConnectionException e) {
                throw new IOException("client has gone: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (UncheckedIOException | CloseConnectionException e) {
                throw new IOException("client has gone: " + e.getMessage(), e);
            }
        }
    }
}
