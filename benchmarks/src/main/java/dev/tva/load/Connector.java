package dev.tva.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;

import java.nio.charset.StandardCharsets;

/**
 * Opens connections to the target on one event loop (pipeline: one {@link Connection} reporting to the
 * driver) and holds the one request every connection sends, encoded once.
 */
final class Connector {
    private final Bootstrap bootstrap;
    /** The request's bytes, encoded once; each send writes a retained view of them, {@link #release} frees them. */
    private final ByteBuf request;

    Connector(EventLoop loop, LoadSettings settings, Driver driver) {
        String host = settings.uri().getHost();
        int port = settings.uri().getPort();
        // HTTP/1.1 keeps the connection alive unless the server says otherwise.
        byte[] bytes = ("GET " + settings.pathAndQuery() + " HTTP/1.1\r\nHost: " + host + ":" + port
                + "\r\nUser-Agent: lab-load\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        this.request = Unpooled.directBuffer(bytes.length).writeBytes(bytes).asReadOnly();
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channel(settings.transport().channelClass())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(settings.timeout().toMillis(), 30_000))
                .remoteAddress(host, port)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new Connection(driver));
                    }
                });
    }

    /** Starts a connection attempt; the future's channel carries a {@link Connection} handler. */
    ChannelFuture connect() {
        return bootstrap.connect();
    }

    /** The request to write: a view of the same bytes with its own position, released once written. */
    ByteBuf request() {
        return request.retainedDuplicate();
    }

    /** Frees the request's bytes; called once this loop's run has ended and nothing will be sent. */
    void release() {
        request.release();
    }
}
