package dev.tva.async.server;

import dev.tva.async.AsyncWorkloads;
import dev.tva.workloads.Params;
import dev.tva.workloads.Workload;
import dev.tva.workloads.web.EndpointCall;
import dev.tva.workloads.web.FileBudget;
import dev.tva.workloads.web.Replies;
import dev.tva.workloads.web.ServerLimits;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * Serves one connection: each request becomes an {@link EndpointCall}, runs with the
 * {@link AsyncWorkloads} of the connection's event loop, and is answered with {@link Replies}.
 *
 * <p>Everything here runs on that one loop, so the handler's state needs no locks; a result that
 * completes elsewhere is handed back to the loop. A request is started once it has been read whole
 * (a body is read and ignored). Requests sent before the previous answer (pipelining) wait in a queue
 * and are answered in order; when too many wait, the handler stops reading until it catches up.
 */
final class LabHttpHandler extends ChannelInboundHandlerAdapter {
    private static final System.Logger LOG = System.getLogger(LabHttpHandler.class.getName());
    /** Pipelined requests waiting behind the one in progress before the handler stops reading. */
    private static final int MAX_QUEUED = 16;

    private final AsyncWorkloads workloads;
    private final InFlightRequests inFlight;
    private final BlockingOnEventLoop blockingOnLoop;
    private final Runnable clientLeft;

    private ChannelHandlerContext ctx;
    private final ArrayDeque<Queued> queue = new ArrayDeque<>();
    private Request receiving;      // its head is read, its body not yet
    private long bodyBytes;
    private Request current;        // started, not yet answered
    private int slotWeight;         // what current counts in inFlight (0: nothing)
    private CompletableFuture<Long> work; // current's workload, cancelled when the client goes
    private ChunkedStream stream;   // current, when it is a /stream
    private boolean closing;        // the last answer on this connection is decided: read nothing more
    private boolean dispatching;

    /**
     * @param blockingOnLoop {@code null}, except with {@code --block-event-loop}: then {@code /sleep} and
     *     {@code /io} run through it, blocking the loop (the bug, on purpose)
     * @param clientLeft told when the client closes the connection before its request is answered
     */
    LabHttpHandler(AsyncWorkloads workloads, InFlightRequests inFlight, BlockingOnEventLoop blockingOnLoop,
                   Runnable clientLeft) {
        this.workloads = workloads;
        this.inFlight = inFlight;
        this.blockingOnLoop = blockingOnLoop;
        this.clientLeft = clientLeft;
    }

    /** What waits to be answered: a request, or a refusal that ends the connection. */
    private sealed interface Queued permits Request, Refusal {
    }

    private record Request(HttpMethod method, String uri, HttpVersion version, boolean keepAlive) implements Queued {
    }

    private record Refusal(Replies.Reply reply) implements Queued {
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpObject http && !closing) {
                receive(http);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void receive(HttpObject msg) {
        if (msg.decoderResult().isFailure()) {
            refuse(Refusals.decoderFailure(msg, msg.decoderResult().cause()));
            return;
        }
        if (msg instanceof HttpRequest request) {
            receiving = new Request(request.method(), request.uri(), request.protocolVersion(), HttpUtil.isKeepAlive(request));
            bodyBytes = 0;
            Optional<Replies.Reply> head = Refusals.head(request);
            if (head.isPresent()) {
                refuse(head.get()); // before its body: the connection closes, nothing after the head is read
                return;
            }
            if (HttpUtil.getContentLength(request, 0L) > ServerLimits.MAX_BODY_BYTES) {
                refuse(Refusals.bodyTooLarge()); // announced: refused before its bytes arrive
                return;
            }
            if (HttpUtil.is100ContinueExpected(request) && current == null && queue.isEmpty()) {
                // The client waits for this before it sends the body (unless an answer is due before it).
                ctx.writeAndFlush(Responses.continueInterim());
            }
        }
        if (msg instanceof HttpContent content && receiving != null) {
            bodyBytes += content.content().readableBytes();
            if (bodyBytes > ServerLimits.MAX_BODY_BYTES) {
                refuse(Refusals.bodyTooLarge()); // chunked: refused once it has grown too large
                return;
            }
            if (msg instanceof LastHttpContent) {
                queue.add(receiving);
                receiving = null;
                if (queue.size() >= MAX_QUEUED) {
                    ctx.channel().config().setAutoRead(false);
                }
                dispatch();
            }
        }
    }

    /** Nothing after this request can be trusted to be framed right: answer it, in turn, and close. */
    private void refuse(Replies.Reply reply) {
        closing = true;
        receiving = null;
        queue.add(new Refusal(reply));
        dispatch();
    }

    /** Starts what waits, one at a time; a request answered at once lets the loop start the next. */
    private void dispatch() {
        if (dispatching) {
            return;
        }
        dispatching = true;
        try {
            while (current == null && !queue.isEmpty()) {
                switch (queue.poll()) {
                    case Refusal refusal -> {
                        queue.clear();
                        write(refusal.reply(), HttpVersion.HTTP_1_1, false).addListener(ChannelFutureListener.CLOSE);
                    }
                    case Request request -> start(request);
                }
            }
            if (!closing && queue.size() < MAX_QUEUED && !ctx.channel().config().isAutoRead()) {
                ctx.channel().config().setAutoRead(true);
            }
        } finally {
            dispatching = false;
        }
    }

    private void start(Request request) {
        current = request;
        if (!HttpMethod.GET.equals(request.method())) {
            answer(request, Replies.methodNotAllowed(request.method().name()));
            return;
        }
        EndpointCall call;
        try {
            call = parse(request.uri());
        } catch (RuntimeException bad) {
            answer(request, Replies.failure(bad));
            return;
        }
        int weight = FileBudget.weight(call);
        if (!inFlight.tryAcquire(weight)) {
            answer(request, Replies.overloaded(inFlight.limit()));
            return;
        }
        slotWeight = weight;
        switch (call) {
            case EndpointCall.Hello hello -> answer(request, Replies.ok(hello, 0));
            case EndpointCall.Work w -> answerWhenDone(request, call, work = run(w.workload()));
            case EndpointCall.Stream streaming -> startStream(request, streaming);
        }
    }

    private static EndpointCall parse(String uri) {
        QueryStringDecoder decoded = new QueryStringDecoder(uri);
        String path;
        try {
            path = decoded.path();
            decoded.parameters(); // decoded lazily: a bad %-escape shows here
        } catch (IllegalArgumentException e) {
            throw new Params.BadRequestException("malformed query: " + abbreviate(String.valueOf(e.getMessage())));
        }
        return EndpointCall.parse(path, decoded.parameters());
    }

    private CompletableFuture<Long> run(Workload workload) {
        try {
            if (blockingOnLoop != null && BlockingOnEventLoop.blocks(workload)) {
                return blockingOnLoop.run(workload); // --block-event-loop: the bug, on purpose
            }
            return workloads.run(workload);
        } catch (RuntimeException failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    private void answerWhenDone(Request request, EndpointCall call, CompletableFuture<Long> result) {
        result.whenComplete((value, failure) -> onLoop(() ->
                answer(request, failure == null ? Replies.ok(call, value) : Replies.failure(failure))));
    }

    private void startStream(Request request, EndpointCall.Stream call) {
        boolean chunked = request.version().compareTo(HttpVersion.HTTP_1_1) >= 0;
        boolean keepAlive = chunked && keepAlive(request);
        stream = new ChunkedStream(ctx, call, lastWrite -> finish(lastWrite, keepAlive));
        stream.start(Responses.connection(Responses.streamHead(chunked), request.version(), keepAlive));
    }

    /** Writes the answer to {@code request}, unless the connection closed since it started. */
    private void answer(Request request, Replies.Reply reply) {
        if (request != current) {
            return;
        }
        boolean keepAlive = keepAlive(request);
        finish(write(reply, request.version(), keepAlive), keepAlive);
    }

    private boolean keepAlive(Request request) {
        return request.keepAlive() && !inFlight.isDraining();
    }

    /** The answer to current is written (its last part under way): free the slot, start the next request. */
    private void finish(ChannelFuture lastWrite, boolean keepAlive) {
        current = null;
        stream = null;
        work = null;
        releaseSlot();
        if (keepAlive) {
            lastWrite.addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        } else {
            closing = true;
            queue.clear();
            lastWrite.addListener(ChannelFutureListener.CLOSE);
        }
        dispatch();
    }

    private void releaseSlot() {
        if (slotWeight > 0) {
            inFlight.release(slotWeight);
            slotWeight = 0;
        }
    }

    private ChannelFuture write(Replies.Reply reply, HttpVersion requestVersion, boolean keepAlive) {
        return ctx.writeAndFlush(Responses.connection(Responses.of(ctx.alloc(), reply), requestVersion, keepAlive));
    }

    private void onLoop(Runnable task) {
        if (ctx.executor().inEventLoop()) {
            task.run();
            return;
        }
        try {
            ctx.executor().execute(task);
        } catch (RejectedExecutionException stopped) {
            // The server is shutting down and the connection with it: nobody is left to answer.
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            // Idle means no request for ServerLimits.IDLE_TIMEOUT; a long one in progress is not idle.
            if (current == null && queue.isEmpty()) {
                ctx.close();
            }
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        // The client is gone: stop a stream, cancel the work in progress (a backend call closes its
        // connection, a fan-out all of them), give back the slot.
        if (current != null) {
            clientLeft.run();
        }
        if (stream != null) {
            stream.cancel();
            stream = null;
        }
        if (work != null) {
            work.cancel(true);
            work = null;
        }
        releaseSlot();
        current = null;
        receiving = null;
        closing = true;
        queue.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A reset connection or bytes the codec gave up on (e.g. too many pipelined requests) are the
        // client's doing: close quietly. Anything else is a bug here: one line, still no stack trace.
        if (!(cause instanceof IOException) && !(cause instanceof DecoderException)) {
            LOG.log(System.Logger.Level.WARNING, "closing {0} after an unexpected {1}", ctx.channel(), cause.toString());
        }
        ctx.close();
    }

    private static String abbreviate(String raw) {
        return raw.length() <= 80 ? raw : raw.substring(0, 80) + "...";
    }
}
