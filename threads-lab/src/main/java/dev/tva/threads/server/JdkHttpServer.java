package dev.tva.threads.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tva.threads.BlockingWorkloads;
import dev.tva.workloads.web.FileBudget;
import dev.tva.workloads.web.LabServer;
import dev.tva.workloads.web.Replies;
import dev.tva.workloads.web.RequestSlots;
import dev.tva.workloads.web.ServerConfig;
import dev.tva.workloads.web.ServerId;
import dev.tva.workloads.web.ServerLimits;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The jdk-platform and jdk-virtual servers: the JDK's own {@code HttpServer} running {@link BlockingEndpoints}
 * on a fixed pool of platform threads, or on a new virtual thread per request. The executor is the only
 * difference between the two.
 *
 * <p>The JDK server has few limits of its own, and those are system properties, read once, when the first
 * server of the JVM starts: {@link #start} sets them unless they were given on the command line. What it
 * lacks (request-line length, header and body size, the {@code RequestHead} rules its parser lets through) is
 * checked before the handler runs ({@link JdkChecks}), and answered as on the other servers.
 */
public final class JdkHttpServer implements LabServer {
    /** Seconds {@link #close()} lets requests in progress finish. */
    static final int SHUTDOWN_GRACE_SECONDS = 3;
    /** Connections waiting to be accepted: Helidon's default; the JDK's default (0) means the OS's, often 50. */
    static final int ACCEPT_BACKLOG = 1024;
    /**
     * Where the JDK itself stops reading a request (line and headers, 32 bytes counted per line) and drops
     * the connection without an answer. Above the limits checked here, so that a request just over them gets
     * its 414 or 431 and its reason.
     */
    static final int HEADER_BACKSTOP_BYTES = 4 * ServerLimits.MAX_HEADER_BYTES;

    /**
     * The JDK server's settings (module {@code jdk.httpserver}). {@code maxReqHeaderSize} exists from JDK 21.0.5
     * on; an older JDK ignores it and only the check here bounds headers, after the JDK has read them.
     */
    private static final List<Map.Entry<String, String>> SERVER_PROPERTIES = List.of(
            Map.entry("sun.net.httpserver.maxReqHeaderSize", Integer.toString(HEADER_BACKSTOP_BYTES)),
            Map.entry("sun.net.httpserver.maxReqHeaders", "200"),  // its default, stated: more fields are dropped unanswered
            // A request must be read within this, counted from its first byte (checked once a second, the JDK's
            // timerMillis); the JDK closes the connection without an answer. The head is read on a thread of the
            // executor, so until then a trickled head holds a pool thread (jdk-platform) or a virtual thread.
            Map.entry("sun.net.httpserver.maxReqTime", Long.toString(ServerLimits.HEAD_TIMEOUT.toSeconds())),
            Map.entry("sun.net.httpserver.idleInterval", Long.toString(ServerLimits.IDLE_TIMEOUT.toSeconds())),
            // Keep-alive connections are kept however many there are (the JDK keeps 200), so a load test with
            // many connections measures requests, not reconnects.
            Map.entry("sun.net.httpserver.maxIdleConnections", Integer.toString(FileBudget.ofProcess().connections())),
            // The file budget's connections: one more is closed as soon as it is accepted.
            Map.entry("jdk.httpserver.maxConnections", Integer.toString(FileBudget.ofProcess().connections())),
            // The handler reads the body it accepts. The JDK reads none on its behalf: a refused body (413) is
            // not waited for, the connection is closed instead.
            Map.entry("sun.net.httpserver.drainAmount", "0"));

    private final ServerId id;
    private final HttpServer server;
    private final ExecutorService handlers;
    private final ExecutorService forks;
    private final BlockingWorkloads workloads;
    private final String description;

    private JdkHttpServer(ServerId id, HttpServer server, ExecutorService handlers, ExecutorService forks,
                          BlockingWorkloads workloads, String description) {
        this.id = id;
        this.server = server;
        this.handlers = handlers;
        this.forks = forks;
        this.workloads = workloads;
        this.description = description;
    }

    /**
     * Starts a jdk-platform server (a fixed pool of {@code config.threads()} platform threads named
     * {@code jdk-platform-N}) or a jdk-virtual one (a virtual thread named {@code jdk-virtual-N} per request)
     * and returns once it listens.
     *
     * @throws IllegalArgumentException when {@code config} is for another server
     * @throws UncheckedIOException     when the address cannot be bound
     */
    public static JdkHttpServer start(ServerConfig config) {
        ExecutorService handlers;
        ExecutorService forks;  // /fanout's calls: the same kind of thread as the handlers, never the handlers' pool
        String description;
        switch (config.server()) {
            case JDK_PLATFORM -> {
                handlers = Executors.newFixedThreadPool(config.threads(), Thread.ofPlatform().name("jdk-platform-", 0).factory());
                forks = Executors.newFixedThreadPool(config.threads(), Thread.ofPlatform().name("jdk-platform-fork-", 0).factory());
                description = "JDK HttpServer, a fixed pool of " + config.threads() + " platform threads";
            }
            case JDK_VIRTUAL -> {
                handlers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("jdk-virtual-", 0).factory());
                forks = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("jdk-virtual-fork-", 0).factory());
                description = "JDK HttpServer, a virtual thread per request";
            }
            default -> throw new IllegalArgumentException(
                    "JdkHttpServer runs jdk-platform or jdk-virtual, not " + config.server());
        }
        SERVER_PROPERTIES.forEach(p -> {
            if (System.getProperty(p.getKey()) == null) {
                System.setProperty(p.getKey(), p.getValue());
            }
        });
        BlockingWorkloads workloads = new BlockingWorkloads(forks, config.backend(), config.client(), ServerLimits.BACKEND_TIMEOUT,
                config.database());
        BlockingEndpoints endpoints = new BlockingEndpoints(workloads, RequestSlots.of(FileBudget.current()));
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), ACCEPT_BACKLOG);
            server.createContext("/", exchange -> serve(exchange, endpoints));
            server.setExecutor(handlers);
            server.start();
            return new JdkHttpServer(config.server(), server, handlers, forks, workloads, description);
        } catch (IOException e) {
            handlers.shutdownNow();
            forks.shutdownNow();
            workloads.close();
            throw new UncheckedIOException("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
    }

    /** One exchange, on a thread of the executor: refuse what is over a limit, else run the shared handler. */
    private static void serve(HttpExchange exchange, BlockingEndpoints endpoints) throws IOException {
        try (exchange) {
            Optional<Replies.Reply> refusal = JdkChecks.refusal(exchange);
            if (refusal.isPresent()) {
                exchange.getResponseHeaders().set("Connection", "close");
                new Answer(exchange).send(refusal.get());
                return;
            }
            endpoints.handle(exchange.getRequestMethod(), target(exchange.getRequestURI()), new Answer(exchange));
        }
    }

    /** The request target as sent, still encoded: {@link BlockingEndpoints} decodes it. */
    private static String target(URI uri) {
        return uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
    }

    @Override
    public ServerId id() {
        return id;
    }

    @Override
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        server.stop(SHUTDOWN_GRACE_SECONDS);  // stops accepting; returns when the exchanges in progress are done
        for (ExecutorService executor : List.of(handlers, forks)) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        workloads.close();
    }

    /** {@link BlockingEndpoints}' answer written on a JDK exchange. */
    private record Answer(HttpExchange exchange) implements BlockingEndpoints.Response {
        @Override
        public void send(Replies.Reply reply) throws IOException {
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", Replies.CONTENT_TYPE);
            if ("HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(reply.status(), -1);  // -1: no body, as an answer to HEAD has none
                return;
            }
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }

        @Override
        public OutputStream stream() throws IOException {
            exchange.getResponseHeaders().set("Content-Type", Replies.CONTENT_TYPE);
            exchange.sendResponseHeaders(200, 0);  // length 0 means chunked: each flush sends a chunk
            return exchange.getResponseBody();
        }
    }
}
