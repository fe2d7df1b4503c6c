package dev.tva.course.offload;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.codec.string.StringEncoder;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/*
 * One event loop does everything here, accepting included, as in a small service or a Node.js process: what
 * blocks it blocks the whole server. The blocking pool is what a Netty server keeps for JDBC (the lab's netty
 * server calls it netty-offload): plain platform threads, which BlockHound lets block.
 */

/** The checks' server on loopback: one event loop, each connection's pipeline ending in the student's handler, and a pool for blocking work. */
final class BalanceServer implements AutoCloseable {
    /** The loop's thread name, the same on every try: the checks' messages show it where the ledger was waited for. */
    static final String LOOP_THREAD = "balance-loop";
    static final int POOL_THREADS = 4;

    private final EventLoopGroup group;
    private final ExecutorService pool;
    private final Channel channel;

    private BalanceServer(EventLoopGroup group, ExecutorService pool, Channel channel) {
        this.group = group;
        this.pool = pool;
        this.channel = channel;
    }

    static BalanceServer start(BalanceService service, BalanceService.Ledger ledger) throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new OneName(), NioIoHandler.newFactory());
        ExecutorService pool = Executors.newFixedThreadPool(POOL_THREADS, Thread.ofPlatform().name("ledger-pool-", 1).daemon().factory());
        try {
            Channel channel = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new LineBasedFrameDecoder(256), new StringDecoder(StandardCharsets.UTF_8),
                                    new StringEncoder(StandardCharsets.UTF_8), service.newHandler(ledger, pool));
                        }
                    })
                    .bind("127.0.0.1", 0).sync().channel();
            return new BalanceServer(group, pool, channel);
        } catch (InterruptedException | RuntimeException e) {
            pool.shutdownNow();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** The one event loop: every connection's handler runs on it. */
    EventLoop loop() {
        return channel.eventLoop();
    }

    /** Netty's factory (its threads are the ones BlockHound's Netty integration watches), naming the loop {@value #LOOP_THREAD} on every try. */
    private static final class OneName extends DefaultThreadFactory {
        OneName() {
            super(LOOP_THREAD);
        }

        @Override
        protected Thread newThread(Runnable r, String name) {
            return super.newThread(r, LOOP_THREAD);
        }
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        pool.shutdownNow();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
