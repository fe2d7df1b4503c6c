package dev.tva.load;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A tiny HTTP server with one known behaviour, for the load generator's tests: it answers at once, with
 * a fixed status, after a fixed delay, never, or it stalls: every request that arrives in a window of
 * known length is held until the window ends. Answers come from event-loop timers; no thread waits.
 */
public final class TestServer implements AutoCloseable {
    /** What the server does with a request; {@code stallMillis > 0} opens a stall window after the first request. */
    private record Behaviour(int status, long delayMillis, boolean silent, long stallAfterMillis, long stallMillis) {
    }

    private final Behaviour behaviour;
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("test-server"), NioIoHandler.newFactory());
    private final Channel channel;
    private final LongAdder requests = new LongAdder();
    private final AtomicLong firstRequestNanos = new AtomicLong();

    private TestServer(Behaviour behaviour) {
        this.behaviour = behaviour;
        this.channel = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new Handler());
                    }
                })
                .bind("127.0.0.1", 0).syncUninterruptibly().channel();
    }

    /** Answers every request at once with {@code status}. */
    public static TestServer answering(int status) {
        return new TestServer(new Behaviour(status, 0, false, 0, 0));
    }

    /** Answers every request with 200 after {@code delay}. */
    public static TestServer delaying(Duration delay) {
        return new TestServer(new Behaviour(200, delay.toMillis(), false, 0, 0));
    }

    /** Reads every request and never answers. */
    public static TestServer silent() {
        return new TestServer(new Behaviour(0, 0, true, 0, 0));
    }

    /** Answers at once, except that requests arriving from {@code after} the first request, for {@code stall}, wait until the stall ends. */
    public static TestServer stalling(Duration after, Duration stall) {
        return new TestServer(new Behaviour(200, 0, false, after.toMillis(), stall.toMillis()));
    }

    /** {@code http://127.0.0.1:PORT} followed by {@code pathAndQuery}. */
    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + ((InetSocketAddress) channel.localAddress()).getPort() + pathAndQuery);
    }

    /** Requests received so far. */
    public long requests() {
        return requests.sum();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Handler extends SimpleChannelInboundHandler<HttpObject> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (!(msg instanceof HttpRequest request)) {
                return;
            }
            requests.increment();
            long now = System.nanoTime();
            firstRequestNanos.compareAndSet(0, now);
            if (behaviour.silent()) {
                return;
            }
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            long delayNanos = TimeUnit.MILLISECONDS.toNanos(behaviour.delayMillis());
            if (behaviour.stallMillis() > 0) {
                long stallFrom = firstRequestNanos.get() + TimeUnit.MILLISECONDS.toNanos(behaviour.stallAfterMillis());
                long stallUntil = stallFrom + TimeUnit.MILLISECONDS.toNanos(behaviour.stallMillis());
                if (now >= stallFrom && now < stallUntil) {
                    delayNanos = stallUntil - now;
                }
            }
            if (delayNanos == 0) {
                answer(ctx, keepAlive);
            } else {
                ctx.executor().schedule(() -> answer(ctx, keepAlive), delayNanos, TimeUnit.NANOSECONDS);
            }
        }

        private void answer(ChannelHandlerContext ctx, boolean keepAlive) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(behaviour.status()),
                    Unpooled.copiedBuffer("ok\n", StandardCharsets.US_ASCII));
            HttpUtil.setContentLength(response, response.content().readableBytes());
            HttpUtil.setKeepAlive(response, keepAlive);
            ctx.writeAndFlush(response);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
