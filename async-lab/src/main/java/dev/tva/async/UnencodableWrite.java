package dev.tva.async;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;

import java.net.URI;
import java.util.function.Consumer;

/*
 * A FAILED NETTY FUTURE THAT NOBODY LISTENS TO.
 *
 * The pipeline has an HTTP codec, which encodes HttpRequest objects. Writing a String past it reaches
 * the socket, which takes only bytes: the write fails ("unsupported message type: String"). The failure
 * goes into the ChannelFuture the write returned, and nowhere else: no log line, no exception on the
 * caller's thread. Drop the future and the failure is lost; the request was never sent, and the caller
 * waits for an answer that cannot come. A listener (here one that reports; ChannelFutureListener
 * .FIRE_EXCEPTION_ON_FAILURE sends it down the pipeline's exceptionCaught) is how a failure is heard.
 */

/** A connection whose pipeline cannot encode a String: {@link #sendWithoutListener} loses the failure, {@link #sendWithListener} hears it. */
public final class UnencodableWrite implements AutoCloseable {
    private final Channel channel;

    private UnencodableWrite(Channel channel) {
        this.channel = channel;
    }

    /**
     * Connects to {@code base} from {@code loop}, with an HTTP client codec and, last, a handler that hands
     * whatever reaches the pipeline's {@code exceptionCaught} to {@code pipelineErrors}.
     */
    public static UnencodableWrite connect(EventLoop loop, URI base, Consumer<Throwable> pipelineErrors) throws InterruptedException {
        ChannelFuture connected = new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new HttpClientCodec(), new ChannelInboundHandlerAdapter() {
                            @Override
                            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                pipelineErrors.accept(cause);
                            }
                        });
                    }
                })
                .connect(base.getHost(), base.getPort()).sync();
        return new UnencodableWrite(connected.channel());
    }

    /** The bug: the write's future is dropped. (Returned only so that the lab can look at it afterwards.) */
    public ChannelFuture sendWithoutListener(String request) {
        return channel.writeAndFlush(request);
    }

    /** The fix: a listener hears the failure and reports it. */
    public ChannelFuture sendWithListener(String request, Consumer<Throwable> report) {
        return channel.writeAndFlush(request).addListener((ChannelFuture written) -> {
            if (!written.isSuccess()) {
                report.accept(written.cause());
            }
        });
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }
}
