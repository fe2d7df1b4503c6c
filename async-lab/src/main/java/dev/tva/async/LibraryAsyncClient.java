package dev.tva.async;

import dev.tva.workloads.Backend;
import dev.tva.workloads.Workload;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.ChannelHealthChecker;
import io.netty.channel.pool.SimpleChannelPool;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The library client of event-loop code: Netty's own HTTP client codec and aggregator with its channel pool,
 * as {@code --client library} runs it. {@code LeanAsyncClient} does the same work by hand.
 *
 * <p>Bound to ONE event loop, with a pool of keep-alive connections: every connection lives on that loop,
 * so a response and whatever runs after it stay on the loop that started the task. {@link #get} never
 * blocks; it returns a future the loop completes.
 *
 * <p>Not Reactor Netty: it would bring Reactor's Mono and Flux beside this lab's futures, its own pool and
 * scheduling, and native transports; Netty's codec is Netty's own client code, on the lab's loops (README).
 */
final class LibraryAsyncClient implements AsyncClient {
    private static final int MAX_RESPONSE_BYTES = 2 << 20;

    private final URI base;
    private final String hostHeader;
    private final long timeoutMillis;
    private final SimpleChannelPool pool;

    LibraryAsyncClient(EventLoop loop, URI base, Duration timeout) {
        this.base = base;
        this.hostHeader = base.getHost() + ":" + base.getPort();
        this.timeoutMillis = timeout.toMillis();
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeoutMillis))
                .remoteAddress(base.getHost(), base.getPort());
        this.pool = new SimpleChannelPool(bootstrap, new AbstractChannelPoolHandler() {
            @Override
            public void channelCreated(Channel ch) {
                ch.pipeline()
                        .addLast(new HttpClientCodec())
                        .addLast(new HttpObjectAggregator(MAX_RESPONSE_BYTES))
                        .addLast(new ResponseHandler());
            }
        }, ChannelHealthChecker.ACTIVE, true, true);
    }

    @Override
    public CompletableFuture<Long> get(Workload.Http call) {
        String pathAndQuery = Backend.target(call);
        CompletableFuture<Long> result = new CompletableFuture<>();
        pool.acquire().addListener((Future<Channel> acquired) -> {
            if (!acquired.isSuccess()) {
                result.completeExceptionally(new IOException("cannot connect to " + base + ": " + acquired.cause().getMessage(),
                        acquired.cause()));
                return;
            }
            Channel ch = acquired.getNow();
            if (result.isDone()) {
                pool.release(ch);  // cancelled while the connection was being acquired
                return;
            }
            ResponseHandler handler = ch.pipeline().get(ResponseHandler.class);
            handler.expect(ch, result);
            result.whenComplete((value, failure) -> {
                if (failure instanceof CancellationException) {
                    ch.eventLoop().execute(() -> handler.cancelled(ch, result));
                }
            });
            FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, pathAndQuery);
            request.headers().set(HttpHeaderNames.HOST, hostHeader);
            HttpUtil.setKeepAlive(request, true);
            ch.writeAndFlush(request).addListener(written -> {
                if (!written.isSuccess()) {
                    ch.pipeline().get(ResponseHandler.class).fail(ch, written.cause());
                }
            });
        });
        return result;
    }

    @Override
    public void close() {
        pool.close();
    }

    /** Completes the one request in flight on its connection, then gives the connection back. */
    private final class ResponseHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
        private CompletableFuture<Long> pending;
        private ScheduledFuture<?> timeout;

        void expect(Channel ch, CompletableFuture<Long> result) {
            pending = result;
            timeout = ch.eventLoop().schedule(() -> fail(ch, new TimeoutException(
                    "no answer from " + base + " within " + timeoutMillis + " ms")), timeoutMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            CompletableFuture<Long> result = take();
            if (result == null) {
                return;
            }
            int status = response.status().code();
            long length = response.content().readableBytes();
            // Give the connection back before completing, so the next task can reuse it.
            if (HttpUtil.isKeepAlive(response)) {
                pool.release(ctx.channel());
            } else {
                ctx.close();
                pool.release(ctx.channel());
            }
            if (status == 200) {
                result.complete(length);
            } else {
                result.completeExceptionally(new IOException("backend answered " + status + " to GET " + base));
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            fail(ctx.channel(), new IOException("connection to " + base + " closed before the answer"));
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail(ctx.channel(), cause);
        }

        void fail(Channel ch, Throwable cause) {
            CompletableFuture<Long> result = take();
            if (result != null) {
                ch.close();
                pool.release(ch);
                result.completeExceptionally(cause);
            }
        }

        /** A cancelled call: its answer will not be read, so its connection closes. */
        void cancelled(Channel ch, CompletableFuture<Long> result) {
            if (pending == result) {
                take();
                ch.close();
                pool.release(ch);
            }
        }

        private CompletableFuture<Long> take() {
            CompletableFuture<Long> result = pending;
            pending = null;
            if (timeout != null) {
                timeout.cancel(false);
                timeout = null;
            }
            return result;
        }
    }
}
