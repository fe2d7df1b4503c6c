package dev.tva.async;

import dev.tva.workloads.LeanHttp;
import dev.tva.workloads.Workload;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The lean client of event-loop code, hand-written on purpose: the experiment's control, the least HTTP/1.1
 * keep-alive code that calls the backend, so a loop pays for its model and not for a library.
 * {@code LeanBlockingClient} in threads-lab is its twin: same request, same rules ({@link LeanHttp}), same errors.
 *
 * <p>A call takes an idle connection of this loop (or opens one), writes the request and returns. The
 * connection's one handler reads the status line, the headers and {@code Content-Length} bytes as they
 * arrive, keeping its place between reads, then completes the future and gives the connection back: no
 * more connections are opened than calls are in flight. Everything runs on the one loop, so the pool is a
 * plain deque. A loop timer fails a call with no answer within the timeout. Each call first closes the
 * connection unused the longest if that is longer than {@link LeanHttp#POOL_IDLE}, at most one per
 * {@link LeanHttp#POOL_SHRINK_EVERY}, so a pool that grew for a burst shrinks back, gradually.
 */
public final class LeanAsyncClient implements AsyncClient {
    private final EventLoop loop;
    private final URI base;
    private final String host;
    private final long timeoutMillis;
    private final long poolIdleNanos;
    private final Bootstrap bootstrap;
    /** Connections no call is using, the most recently used first; touched on the loop only. */
    private final Deque<Channel> idle = new ArrayDeque<>();
    private boolean closed;
    /** When an unused connection was last closed ({@link #closeUnused()}); touched on the loop only. */
    private long lastShrinkNanos = System.nanoTime() - LeanHttp.POOL_SHRINK_EVERY.toNanos();

    /** Calls {@code base} from {@code loop}; a connect or an answer that takes longer than {@code timeout} fails the call. */
    public LeanAsyncClient(EventLoop loop, URI base, Duration timeout) {
        this(loop, base, timeout, LeanHttp.POOL_IDLE);
    }

    /** As above, with connections unused for longer than {@code poolIdle} closed at the next call. */
    LeanAsyncClient(EventLoop loop, URI base, Duration timeout, Duration poolIdle) {
        this.loop = loop;
        this.poolIdleNanos = poolIdle.toNanos();
        this.base = base;
        this.host = LeanHttp.host(base);
        this.timeoutMillis = timeout.toMillis();
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.clamp(timeoutMillis, 1, Integer.MAX_VALUE))
                .remoteAddress(base.getHost(), base.getPort())
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new AnswerReader());
                    }
                });
    }

    @Override
    public CompletableFuture<Long> get(Workload.Http call) {
        CompletableFuture<Long> result = new CompletableFuture<>();
        if (loop.inEventLoop()) {
            start(call, result);
        } else {
            loop.execute(() -> start(call, result));
        }
        return result;
    }

    private void start(Workload.Http call, CompletableFuture<Long> result) {
        closeUnused();
        Channel channel = idle.pollFirst();
        if (channel != null) {
            send(channel, call, result);
            return;
        }
        open().addListener((ChannelFuture connected) -> {
            if (connected.isSuccess()) {
                send(connected.channel(), call, result);
            } else {
                result.completeExceptionally(new ConnectException(LeanHttp.cannotConnect(base, connected.cause())));
            }
        });
    }

    /**
     * Closes the pooled connection unused the longest (at the tail) if it was unused for longer than the pool's idle
     * time, and no other was closed within {@link LeanHttp#POOL_SHRINK_EVERY}.
     */
    private void closeUnused() {
        long now = System.nanoTime();
        Channel c = idle.peekLast();
        if (c != null && now - c.pipeline().get(AnswerReader.class).idleSince > poolIdleNanos
                && now - lastShrinkNanos >= LeanHttp.POOL_SHRINK_EVERY.toNanos()) {
            idle.pollLast();
            lastShrinkNanos = now;
            c.close();
        }
    }

    /** Opens a connection on this client's loop. */
    private ChannelFuture open() {
        return bootstrap.connect();
    }

    /** Writes the request; the connection's {@link AnswerReader} completes {@code result}. Cancelling it closes the connection. */
    private void send(Channel channel, Workload.Http call, CompletableFuture<Long> result) {
        if (result.isDone()) {
            release(channel, true);  // cancelled while the connection was being opened
            return;
        }
        AnswerReader reader = channel.pipeline().get(AnswerReader.class);
        reader.expect(channel, result);
        result.whenComplete((value, failure) -> {
            if (failure instanceof CancellationException) {
                channel.eventLoop().execute(() -> reader.cancelled(channel, result));
            }
        });
        channel.writeAndFlush(Unpooled.wrappedBuffer(LeanHttp.request(call, host))).addListener(written -> {
            if (!written.isSuccess()) {
                reader.fail(channel, written.cause());
            }
        });
    }

    /** Keeps a connection whose answer was read to its end; closes any other, and all once the client is closed. */
    private void release(Channel channel, boolean reusable) {
        if (reusable && !closed && channel.isActive()) {
            idle.offerFirst(channel);
        } else {
            channel.close();
        }
    }

    @Override
    public void close() {
        try {
            loop.execute(() -> {
                closed = true;
                for (Channel c; (c = idle.pollFirst()) != null; ) {
                    c.close();
                }
            });
        } catch (RejectedExecutionException loopStopped) {
            // the loop is gone, and its channels with it
        }
    }

    /** Where the reader is in the answer of the call it waits for. */
    private enum Place { IDLE, STATUS_LINE, HEADERS, BODY }

    /** Reads one connection's answers: the bytes that arrive so far, and its place in the answer between reads. */
    private final class AnswerReader extends ByteToMessageDecoder {
        private CompletableFuture<Long> pending;
        private ScheduledFuture<?> timeout;
        private Place place = Place.IDLE;
        private LeanHttp.Head head;
        private long length;
        private long read;
        /** When the last answer on this connection was read to its end. */
        private long idleSince;

        void expect(Channel channel, CompletableFuture<Long> result) {
            pending = result;
            place = Place.STATUS_LINE;
            head = new LeanHttp.Head();
            read = 0;
            timeout = channel.eventLoop().schedule(() -> fail(channel,
                    new SocketTimeoutException(LeanHttp.noAnswer(base, timeoutMillis))), timeoutMillis, TimeUnit.MILLISECONDS);
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
            try {
                readAnswer(ctx.channel(), in);
            } catch (IOException malformed) {
                fail(ctx.channel(), malformed);
            }
        }

        /** Parses what has arrived, as far as it goes; the rest waits in {@code in} for the next read. */
        private void readAnswer(Channel channel, ByteBuf in) throws IOException {
            while (true) {
                switch (place) {
                    case IDLE -> {
                        if (in.isReadable()) {  // bytes nobody asked for: this connection cannot be trusted
                            in.skipBytes(in.readableBytes());
                            channel.close();
                        }
                        return;
                    }
                    case STATUS_LINE -> {
                        String line = readLine(in);
                        if (line == null) {
                            return;
                        }
                        LeanHttp.status(line);
                        place = Place.HEADERS;
                    }
                    case HEADERS -> {
                        String line = readLine(in);
                        if (line == null) {
                            return;
                        }
                        if (line.isEmpty()) {
                            length = head.bodyLength();
                            place = Place.BODY;
                        } else {
                            head.header(line);
                        }
                    }
                    case BODY -> {
                        int n = (int) Math.min(in.readableBytes(), length - read);
                        in.skipBytes(n);
                        read += n;
                        if (read < length) {
                            return;
                        }
                        CompletableFuture<Long> result = take();
                        idleSince = System.nanoTime();
                        release(channel, head.keepAlive());
                        result.complete(read);
                    }
                }
            }
        }

        /** The next line without its line end, or null until all of it has arrived. */
        private static String readLine(ByteBuf in) throws IOException {
            int lf = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
            if (lf < 0) {
                if (in.readableBytes() >= LeanHttp.MAX_LINE) {
                    throw LeanHttp.lineTooLong();
                }
                return null;
            }
            int lineEnd = lf > in.readerIndex() && in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
            String line = in.toString(in.readerIndex(), lineEnd - in.readerIndex(), StandardCharsets.US_ASCII);
            in.readerIndex(lf + 1);
            return line;
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            super.channelInactive(ctx);  // reads what is left first
            idle.remove(ctx.channel());
            fail(ctx.channel(), place == Place.BODY ? LeanHttp.closedInBody(read, length) : LeanHttp.closedBeforeAnswer(base));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail(ctx.channel(), cause);
        }

        /** Fails the call waiting on this connection, if any, and closes the connection. */
        void fail(Channel channel, Throwable cause) {
            CompletableFuture<Long> result = take();
            if (result != null) {
                channel.close();
                result.completeExceptionally(cause);
            }
        }

        /** A cancelled call: its answer will not be read, so its connection closes. */
        void cancelled(Channel channel, CompletableFuture<Long> result) {
            if (pending == result) {
                take();
                channel.close();
            }
        }

        private CompletableFuture<Long> take() {
            CompletableFuture<Long> result = pending;
            pending = null;
            place = Place.IDLE;
            if (timeout != null) {
                timeout.cancel(false);
                timeout = null;
            }
            return result;
        }
    }
}
