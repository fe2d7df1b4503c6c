package dev.tva.async.server;

import dev.tva.workloads.web.EndpointCall;
import dev.tva.workloads.web.Replies;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One {@code /stream} answer in progress: its head, then each chunk written and flushed as soon as it
 * exists, one per interval on a timer of the connection's loop. No thread waits between chunks.
 *
 * <p>The next chunk is scheduled only once the previous one has been written to the socket, so a client
 * that reads slowly slows the stream down instead of making the server buffer chunks for it.
 * {@link #cancel} (the connection closed) stops it.
 */
final class ChunkedStream {
    private final ChannelHandlerContext ctx;
    private final EndpointCall.Stream call;
    private final Consumer<ChannelFuture> whenLastWritten;
    private ScheduledFuture<?> nextChunk;
    private boolean cancelled;

    /**
     * @param whenLastWritten given the write of the last part, once it is under way: the response is over
     */
    ChunkedStream(ChannelHandlerContext ctx, EndpointCall.Stream call, Consumer<ChannelFuture> whenLastWritten) {
        this.ctx = ctx;
        this.call = call;
        this.whenLastWritten = whenLastWritten;
    }

    /** Writes {@code head} (chunked, or for HTTP/1.0 without a length) and the first chunk at once. */
    void start(HttpResponse head) {
        ctx.write(head);
        send(1);
    }

    /** Stops sending: no chunk is written after this. Runs on the loop. */
    void cancel() {
        cancelled = true;
        if (nextChunk != null) {
            nextChunk.cancel(false);
            nextChunk = null;
        }
    }

    private void send(int index) {
        nextChunk = null;
        if (cancelled) {
            return;
        }
        ByteBuf line = ByteBufUtil.writeUtf8(ctx.alloc(), Replies.chunk(index, call.chunks()));
        if (index == call.chunks()) {
            whenLastWritten.accept(ctx.writeAndFlush(new DefaultLastHttpContent(line)));
            return;
        }
        ctx.writeAndFlush(new DefaultHttpContent(line)).addListener((ChannelFuture written) -> {
            if (!written.isSuccess()) {
                ctx.close();
            } else if (!cancelled) {
                nextChunk = ctx.executor().schedule(() -> send(index + 1), call.intervalMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }
}
