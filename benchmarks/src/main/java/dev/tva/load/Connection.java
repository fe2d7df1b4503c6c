package dev.tva.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.io.IOException;
import java.util.List;

/**
 * One keep-alive connection and the one request it carries at a time (HTTP/1.1, no pipelining). It
 * remembers when that request's latency started and when it times out, and tells its {@link Driver}
 * how the request ended. The request goes out as bytes encoded once ({@link Connector#request}); the
 * answer is read by an {@link AnswerReader}. Everything here runs on the connection's event loop.
 */
final class Connection extends ByteToMessageDecoder {
    enum State { CONNECTING, IDLE, BUSY, CLOSED }

    private final Driver driver;
    private final AnswerReader reader = new AnswerReader();
    private Channel channel;
    State state = State.CONNECTING;
    /** When this request's latency started: its intended time (open model) or its send (closed model). */
    long originNanos;
    long deadlineNanos;
    /** The books of the request in flight: the warm-up's or the measured part's. */
    Driver.Books books;

    Connection(Driver driver) {
        this.driver = driver;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    /** Writes {@code request}, counted in {@code books}; its answer, loss or timeout goes to the driver. */
    void send(ByteBuf request, long originNanos, long deadlineNanos, Driver.Books books) {
        this.state = State.BUSY;
        this.originNanos = originNanos;
        this.deadlineNanos = deadlineNanos;
        this.books = books;
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
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (state != State.BUSY) {
            in.skipBytes(in.readableBytes()); // bytes nobody asked for, or after a timeout: nothing waits for them
            return;
        }
        if (reader.read(in)) {
            long now = System.nanoTime();
            if (reader.keepAlive()) {
                state = State.IDLE;
            } else {
                state = State.CLOSED;
                ctx.close();
            }
            driver.answered(this, reader.status(), now);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        State was = state;
        state = State.CLOSED;
        driver.closed(this, was == State.BUSY ? new IOException("connection closed before the answer") : null);
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (state == State.BUSY) {
            driver.noteFailure(cause);
        }
        ctx.close();
    }
}
