package dev.tva.async;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;

import java.io.IOException;
import java.net.URI;

/*
 * A GET written with Netty's own futures, nothing else: connect() returns a ChannelFuture, the write
 * returns one, and the answer completes a Promise. Each step is a listener the loop calls later; no
 * thread waits for any of them. This is what "await" is on an event loop: a callback registered for
 * when the thing is done.
 *
 * Each call has a connection of its own (closed once answered), so cancelling a call is closing its
 * channel: cancel the answer's promise and the connection closes, and the server sees it go.
 */

/** One HTTP GET per connection, with Netty promises and listeners; cancelling its promise closes the connection. */
public final class NettyGet {
    private static final int MAX_ANSWER_BYTES = 1 << 20;

    private final EventLoop loop;
    private final URI base;
    private final Bootstrap bootstrap;

    /** Calls {@code base} ({@code http://host:port}) from {@code loop}: every listener runs on that loop. */
    public NettyGet(EventLoop loop, URI base) {
        this.loop = loop;
        this.base = base;
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_ANSWER_BYTES));
                    }
                });
    }

    /** The loop every listener of this client runs on. */
    public EventLoop loop() {
        return loop;
    }

    /** A call under way: the promise of its answer (the body's length) and its connection. */
    public record Call(Promise<Long> answer, Channel channel) {
        /** Gives up on the call: its connection closes and the answer fails as cancelled. */
        public void cancel() {
            answer.cancel(false);
        }
    }

    /** Sends {@code GET pathAndQuery} and returns at once; the loop completes the answer. */
    public Call get(String pathAndQuery) {
        Promise<Long> answer = loop.newPromise();
        ChannelFuture connected = bootstrap.connect(base.getHost(), base.getPort());
        Channel channel = connected.channel();
        // Step 1, when connected: send the request.
        connected.addListener((ChannelFuture c) -> {
            if (!c.isSuccess()) {
                answer.tryFailure(new IOException("cannot connect to " + base + ": " + c.cause().getMessage(), c.cause()));
                return;
            }
            channel.pipeline().addLast(new AnswerHandler(answer));
            DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, pathAndQuery);
            request.headers().set(HttpHeaderNames.HOST, base.getHost() + ":" + base.getPort());
            request.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            // Step 2, when written: nothing to do unless it failed.
            channel.writeAndFlush(request).addListener((ChannelFuture w) -> {
                if (!w.isSuccess()) {
                    answer.tryFailure(w.cause());
                }
            });
        });
        // A connection that closes first fails the call; an answered or cancelled call closes its connection.
        channel.closeFuture().addListener(closed -> answer.tryFailure(new IOException("connection to " + base + " closed before the answer")));
        answer.addListener((Future<Long> done) -> channel.close());
        return new Call(answer, channel);
    }

    /** Step 3, when the answer has arrived whole: complete the promise. */
    private static final class AnswerHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
        private final Promise<Long> answer;

        AnswerHandler(Promise<Long> answer) {
            this.answer = answer;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            if (response.status().code() == 200) {
                answer.trySuccess((long) response.content().readableBytes());
            } else {
                answer.tryFailure(new IOException("answered " + response.status().code()));
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            answer.tryFailure(cause);
            ctx.close();
        }
    }
}
