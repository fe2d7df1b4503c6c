package dev.tva.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Opens connections to the target on one event loop (pipeline: {@link HttpClientCodec}, then a
 * {@link Connection} reporting to the driver) and makes the one request every connection sends.
 */
final class Connector {
    private final Bootstrap bootstrap;
    private final HttpHeaders headers;
    private final String pathAndQuery;

    Connector(EventLoop loop, LoadSettings settings, Driver driver) {
        String host = settings.uri().getHost();
        int port = settings.uri().getPort();
        this.pathAndQuery = settings.pathAndQuery();
        // HTTP/1.1 keeps the connection alive unless the server says otherwise.
        this.headers = new DefaultHttpHeaders()
                .set(HttpHeaderNames.HOST, host + ":" + port)
                .set(HttpHeaderNames.USER_AGENT, "lab-load");
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(settings.timeout().toMillis(), 30_000))
                .remoteAddress(host, port)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new Connection(driver));
                    }
                });
    }

    /** Starts a connection attempt; the future's channel carries a {@link Connection} handler. */
    ChannelFuture connect() {
        return bootstrap.connect();
    }

    /** A fresh request each time (the encoder consumes what it writes); the headers are shared and never changed. */
    FullHttpRequest request() {
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, pathAndQuery, Unpooled.EMPTY_BUFFER,
                headers, EmptyHttpHeaders.INSTANCE);
    }
}
