package dev.tva.async.server;

import dev.tva.async.AsyncWorkloads;
import dev.tva.workloads.web.ServerLimits;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The pipeline of every connection: an idle timeout, a head timeout ({@link HeadTimeout}), the HTTP/1.1 codec with the {@link ServerLimits}
 * on request line and headers (and its field validation left to the handler's {@code RequestHead} check), and a {@link LabHttpHandler} that works with the workloads of the
 * connection's own event loop. A connection beyond {@code maxConnections} open at once is closed as soon
 * as it is accepted ({@link dev.tva.workloads.web.FileBudget#connections()}), as the JDK server does.
 */
final class NettyServerInitializer extends ChannelInitializer<Channel> {
    private final Function<EventLoop, AsyncWorkloads> workloadsOf;
    private final InFlightRequests inFlight;
    private final BlockingOnEventLoop blockingOnLoop;
    private final int maxConnections;
    private final Runnable clientLeft;
    private final AtomicInteger connections = new AtomicInteger();

    /**
     * @param workloadsOf    the workloads bound to a loop: a connection's backend calls stay on its loop
     * @param blockingOnLoop {@code null} unless {@code --block-event-loop}
     * @param clientLeft     told when a client closes its connection with its request unanswered ({@link AcceptGate})
     */
    NettyServerInitializer(Function<EventLoop, AsyncWorkloads> workloadsOf, InFlightRequests inFlight,
                           BlockingOnEventLoop blockingOnLoop, int maxConnections, Runnable clientLeft) {
        this.maxConnections = maxConnections;
        this.clientLeft = clientLeft;
        this.workloadsOf = workloadsOf;
        this.inFlight = inFlight;
        this.blockingOnLoop = blockingOnLoop;
    }

    /** Client connections open now. */
    int connections() {
        return connections.get();
    }

    @Override
    protected void initChannel(Channel ch) {
        if (connections.incrementAndGet() > maxConnections) {
            connections.decrementAndGet();
            ch.close();  // its file is given back at once; the client sees the connection closed
            return;
        }
        ch.closeFuture().addListener(closed -> connections.decrementAndGet());
        AsyncWorkloads workloads = workloadsOf.apply(ch.eventLoop());
        if (workloads == null) {
            throw new IllegalStateException("no workloads for event loop " + ch.eventLoop());
        }
        HttpDecoderConfig limits = new HttpDecoderConfig()
                .setMaxInitialLineLength(ServerLimits.MAX_REQUEST_LINE)
                .setMaxHeaderSize(ServerLimits.MAX_HEADER_BYTES)
                // Fields kept as sent: the handler checks every head with RequestHead, as the other servers do.
                .setHeadersFactory(DefaultHttpHeadersFactory.headersFactory().withValidation(false));
        HeadTimeout headTimeout = new HeadTimeout(ServerLimits.HEAD_TIMEOUT);
        ch.pipeline()
                .addLast(new IdleStateHandler(0, 0, ServerLimits.IDLE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                .addLast(headTimeout)
                .addLast(new HttpServerCodec(limits))
                .addLast(headTimeout.afterCodec())
                .addLast(new LabHttpHandler(workloads, inFlight, blockingOnLoop, clientLeft));
    }
}
