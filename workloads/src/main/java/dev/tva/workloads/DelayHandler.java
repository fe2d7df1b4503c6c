package dev.tva.workloads;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/** Answers {@code GET /delay?ms=&bytes=} from a timer on the channel's event loop; never blocks it. */
final class DelayHandler extends SimpleChannelInboundHandler<HttpObject> {
    /** Default answer size when {@code bytes} is absent. */
    static final int DEFAULT_BYTES = 16;
    private static final byte[] BODY = filled(Limits.MAX_BYTES);

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
        if (!(msg instanceof HttpRequest request)) {
            return; // a GET carries no body; the empty last content is released by the superclass
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (request.decoderResult().isFailure()) {
            send(ctx, text(HttpResponseStatus.BAD_REQUEST, "malformed request"), false);
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        if (!uri.path().equals(Backend.PATH)) {
            send(ctx, text(HttpResponseStatus.NOT_FOUND, "no such path: " + uri.path() + "; try " + Backend.PATH + "?ms=&bytes="), keepAlive);
            return;
        }
        if (!request.method().equals(HttpMethod.GET)) {
            send(ctx, text(HttpResponseStatus.METHOD_NOT_ALLOWED, "only GET is allowed"), keepAlive);
            return;
        }
        long ms;
        int bytes;
        try {
            ms = Params.integer(uri.parameters(), "ms", 0, 0, Limits.MAX_LATENCY_MILLIS);
            bytes = (int) Params.integer(uri.parameters(), "bytes", DEFAULT_BYTES, 0, Limits.MAX_BYTES);
        } catch (Params.BadRequestException e) {
            send(ctx, text(HttpResponseStatus.BAD_REQUEST, e.getMessage()), keepAlive);
            return;
        }
        // The wait: a timer on this channel's event loop, not a sleeping thread.
        ctx.executor().schedule(() -> send(ctx, body(bytes), keepAlive), ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    private static void send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        HttpUtil.setContentLength(response, response.content().readableBytes());
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static FullHttpResponse body(int bytes) {
        ByteBuf content = Unpooled.wrappedBuffer(BODY, 0, bytes);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, content);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_OCTET_STREAM);
        return response;
    }

    private static FullHttpResponse text(HttpResponseStatus status, String line) {
        ByteBuf content = Unpooled.copiedBuffer(line + "\n", StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
        return response;
    }

    private static byte[] filled(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        return body;
    }
}
