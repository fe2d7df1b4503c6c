package dev.tva.workloads;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AttributeKey;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requests a backend is working on right now, seen from its side of the sockets: received, their
 * answer not yet written, their connection still open. A client that gives up on a call and closes its
 * connection makes the count drop at once; one that gives up without closing leaves the backend working
 * for nobody until it answers. (Its open connections: {@link Backend#connectionsOpen()}.)
 */
@ChannelHandler.Sharable
public final class BackendActivity extends ChannelDuplexHandler {
    private static final AttributeKey<AtomicInteger> PENDING = AttributeKey.valueOf(BackendActivity.class, "pending");

    private final AtomicInteger requestsInProgress = new AtomicInteger();
    private final AtomicLong requestsReceived = new AtomicLong();

    /** Requests received, not yet answered, on connections still open. */
    public int requestsInProgress() {
        return requestsInProgress.get();
    }

    /** Requests received since the start. */
    public long requestsReceived() {
        return requestsReceived.get();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        ctx.channel().attr(PENDING).set(new AtomicInteger());
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        // The client is gone: what it asked for is no longer in progress for anyone.
        requestsInProgress.addAndGet(-ctx.channel().attr(PENDING).get().getAndSet(0));
        super.channelInactive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest) {
            requestsReceived.incrementAndGet();
            requestsInProgress.incrementAndGet();
            ctx.channel().attr(PENDING).get().incrementAndGet();
        }
        super.channelRead(ctx, msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof LastHttpContent && ctx.channel().isActive()) {
            AtomicInteger pending = ctx.channel().attr(PENDING).get();
            if (pending.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                requestsInProgress.decrementAndGet();
            }
        }
        super.write(ctx, msg, promise);
    }
}
