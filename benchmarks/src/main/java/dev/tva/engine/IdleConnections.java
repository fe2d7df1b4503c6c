package dev.tva.engine;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keep-alive connections held open and silent, as thousands of idle browsers or mobile clients hold
 * them: each sends one {@code GET /hello}, reads its 200 (proof that the server serves it and keeps it
 * open), then says nothing more. One Netty event loop of its own owns them all, apart from the load
 * generator's; at most {@link #OPENING} are being opened at once, so the server's accept queue is not flooded.
 */
public final class IdleConnections implements AutoCloseable {
    static final int OPENING = 200;

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("idle"), NioIoHandler.newFactory());
    private final ChannelGroup open = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private volatile long firstServedNanos;

    /** Opens {@code count} connections to {@code port} on the loopback, each served once; returns when every one has ended its attempt. */
    public static IdleConnections open(int port, int count, Duration timeout) throws InterruptedException {
        IdleConnections idle = new IdleConnections();
        idle.openAll(port, count, timeout);
        return idle;
    }

    private void openAll(int port, int count, Duration timeout) throws InterruptedException {
        Semaphore opening = new Semaphore(OPENING);
        CountDownLatch ended = new CountDownLatch(count);
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(64 * 1024), new Served(opening, ended));
                    }
                });
        for (int i = 0; i < count; i++) {
            opening.acquire();
            bootstrap.connect("127.0.0.1", port).addListener((ChannelFuture f) -> {
                Channel ch = f.channel();
                if (!f.isSuccess()) {
                    Served served = ch.pipeline().get(Served.class);
                    if (served != null) { // null: removed already, and its handler ended the attempt
                        served.end(false, "connect: " + f.cause());
                    }
                    return;
                }
                DefaultFullHttpRequest hello = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/hello");
                hello.headers().set(HttpHeaderNames.HOST, "127.0.0.1:" + port);
                ch.writeAndFlush(hello);
                Served served = ch.pipeline().get(Served.class);
                if (served != null) { // null: it closed already, and its handler ended the attempt
                    ch.eventLoop().schedule(() -> served.end(false, "no answer to GET /hello within " + timeout.toMillis() + " ms"),
                            timeout.toMillis(), TimeUnit.MILLISECONDS);
                }
            });
        }
        ended.await();
    }

    private void fail(String why) {
        failed.incrementAndGet();
        firstFailure.compareAndSet(null, why);
    }

    /** Ends each connection's attempt once: served (kept open, in the group) or failed (closed). */
    private final class Served extends SimpleChannelInboundHandler<FullHttpResponse> {
        private final Semaphore opening;
        private final CountDownLatch ended;
        private Channel channel;
        private boolean done;

        Served(Semaphore opening, CountDownLatch ended) {
            this.opening = opening;
            this.ended = ended;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            channel = ctx.channel();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse answer) {
            boolean ok = answer.status().code() == 200 && HttpUtil.isKeepAlive(answer);
            end(ok, "answered " + answer.status() + (HttpUtil.isKeepAlive(answer) ? "" : ", not keep-alive"));
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            end(false, "closed by the server before its answer");
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            end(false, "closed before its answer");
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            end(false, cause.toString());
        }

        void end(boolean served, String why) {
            if (done) {
                return;
            }
            done = true;
            if (served) {
                open.add(channel);
                long now = System.nanoTime();
                firstServedNanos = firstServedNanos == 0 ? now : firstServedNanos;
            } else {
                fail(why);
                channel.close();
            }
            opening.release();
            ended.countDown();
        }
    }

    /** Connections served and still open now (the group forgets a connection when it closes). */
    public int stillOpen() {
        return open.size();
    }

    /** Connections that could not be opened or served. */
    public int failed() {
        return failed.get();
    }

    /** The first failure, for a clue; null when none failed. */
    public String firstFailure() {
        return firstFailure.get();
    }

    /** When the first connection was served (System.nanoTime), 0 if none was: the longest any has been silent is since then. */
    public long firstServedNanos() {
        return firstServedNanos;
    }

    @Override
    public void close() {
        open.close().awaitUninterruptibly(10, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
