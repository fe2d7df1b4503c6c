package dev.tva.load;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;

import java.io.IOException;

/**
 * One keep-alive connection and the one request it carries at a time (HTTP/1.1, no pipelining). It
 * remembers when that request's latency started and when it times out, and tells its {@link Driver}
 * how the request ended. Everything here runs on the connection's event loop.
 */
final class Connection extends SimpleChannelInboundHandler<HttpObject> {
    enum State { CONNECTING, IDLE, BUSY, CLOSED }

    private final Driver driver;
    private Channel channel;
    State state = State.CONNECTING;
    /** When this request's latency started: its intended time (open model) or its send (closed model). */
    long originNanos;
    long deadlineNanos;
    boolean measured;
    private int status;
    private boolean keepAlive;

    Connection(Driver driver) {
        this.driver = driver;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    /** Writes {@code request}; its answer, loss or timeout goes to the driver. */
    void send(FullHttpRequest request, long originNanos, long deadlineNanos, boolean measured) {
        this.state = State.BUSY;
        this.originNanos = originNanos;
        this.deadlineNanos = deadlineNanos;
        this.measured = measured;
        this.status = 0;
        // A failed write fires exceptionCaught, which closes the connection: no promise per request.
        channel.writeAndFlush(request, channel.voidPromise());
    }

    /** Gives up on the request in flight (its timeout passed): the connection is closed, never reused. */
    void abandon() {
        state = State.CLOSED;
        channel.close();
    }

    void close() {
        channel.close();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
        if (state != State.BUSY) {
            return;
        }
        if (msg instanceof HttpResponse response) {
            status = response.status().code();
            keepAlive = HttpUtil.isKeepAlive(response);
        }
        if (msg instanceof LastHttpContent) {
            long now = System.nanoTime();
            if (keepAlive) {
                state = State.IDLE;
            } else {
                state = State.CLOSED;
                ctx.close();
            }
            driver.answered(this, status, now);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        State was = state;
        state = State.CLOSED;
        driver.closed(this, was == State.BUSY ? new IOException("connection closed before the answer") : null);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (state == State.BUSY) {
            driver.noteFailure(cause);
        }
        ctx.close();
    }
}
