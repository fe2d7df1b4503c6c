package dev.tva.async.server;

import dev.tva.workloads.web.ServerLimits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@link ServerLimits#HEAD_TIMEOUT} on Netty: a request's first bytes arm a timer on the connection's event
 * loop and its decoded head disarms it; a timer that fires writes a 408 and closes the connection. Meanwhile
 * the connection holds no thread, only the codec's buffer of the head so far.
 *
 * <p>Goes in front of the codec, where bytes arrive; its {@link #afterCodec()} twin goes behind it, where
 * heads and ends of requests come out.
 */
final class HeadTimeout extends ChannelInboundHandlerAdapter {
    private enum State { AWAITING_HEAD, ARMED, IN_REQUEST }

    private final Duration timeout;
    private State state = State.AWAITING_HEAD;  // only touched on the connection's event loop
    private ScheduledFuture<?> timer;

    HeadTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (state == State.AWAITING_HEAD && msg instanceof ByteBuf bytes && bytes.isReadable()) {
            state = State.ARMED;
            timer = ctx.executor().schedule(() -> expire(ctx), timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        disarm();
        ctx.fireChannelInactive();
    }

    private void expire(ChannelHandlerContext ctx) {
        if (state != State.ARMED) {
            return;
        }
        state = State.IN_REQUEST;  // nothing more is read from it
        // Below the codec: the 408 goes out as bytes, as no request was decoded to answer.
        ctx.writeAndFlush(Unpooled.wrappedBuffer(ServerLimits.headTooSlowOnTheWire())).addListener(ChannelFutureListener.CLOSE);
    }

    private void disarm() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /** The handler that goes behind the codec: a decoded head disarms the timer, a request's end re-arms its trigger. */
    ChannelInboundHandlerAdapter afterCodec() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof HttpRequest && state == State.ARMED) {
                    disarm();
                    state = State.IN_REQUEST;
                }
                if (msg instanceof LastHttpContent && state == State.IN_REQUEST) {
                    state = State.AWAITING_HEAD;  // the next byte starts the next head
                }
                ctx.fireChannelRead(msg);
            }
        };
    }
}
