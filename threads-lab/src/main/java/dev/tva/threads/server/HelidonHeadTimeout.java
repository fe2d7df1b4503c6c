package dev.tva.threads.server;

import dev.tva.workloads.web.ServerLimits;
import io.helidon.common.buffers.BufferData;
import io.helidon.common.task.InterruptableTask;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Helidon's HTTP/1 connections with a limit on the time a request head takes ({@link ServerLimits#HEAD_TIMEOUT}),
 * which Helidon's WebServer does not have: a slowloris client that trickles a head is answered 408 and cut off.
 */
final class HelidonHeadTimeout implements ServerConnectionSelector, AutoCloseable {
    /*
     * Helidon asks its connection selectors, in turn, whether they take a new connection, once its first bytes
     * have come. This one is added before Helidon's own HTTP/1 selector and answers as that selector does, from
     * the same configuration; so it takes every HTTP/1 connection, at its first bytes, and makes it the same
     * HTTP/1 connection, which reads through a clock (HelidonTimedContext, HelidonHeadClock).
     */
    private final Http1ConnectionSelector http1;
    private final Duration timeout;
    private final ScheduledThreadPoolExecutor timer;

    HelidonHeadTimeout(Http1Config config, Duration timeout) {
        // No upgrades: the lab serves HTTP/1.1 alone (Helidon's own selector would add those it finds).
        this.http1 = Http1ConnectionSelector.builder().config(config).build();
        this.timeout = timeout;
        this.timer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("helidon-head-clock").daemon().factory());
        timer.setRemoveOnCancelPolicy(true);  // a head that comes in time leaves nothing behind
    }

    @Override
    public int bytesToIdentifyConnection() {
        return http1.bytesToIdentifyConnection();
    }

    @Override
    public Support supports(BufferData request) {
        return http1.supports(request);
    }

    /** None: a connection whose protocol TLS negotiated would be timed from before its first byte. */
    @Override
    public Set<String> supportedApplicationProtocols() {
        return Set.of();
    }

    /** Called on the connection's thread just after its first bytes were read: its first head has begun. */
    @Override
    public ServerConnection connection(ConnectionContext ctx) {
        HelidonHeadClock clock = new HelidonHeadClock(ctx, timer, timeout);
        ServerConnection connection = http1.connection(new HelidonTimedContext(ctx, clock));
        if (!(connection instanceof InterruptableTask<?> task)) {
            throw new IllegalStateException("Helidon's HTTP/1 connection is no longer an InterruptableTask: "
                    + connection.getClass().getName());
        }
        clock.watch(task);
        return new HelidonTimedConnection(connection, task, clock);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
