package dev.tva.async.server;

import dev.tva.workloads.web.Replies;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/** The HTTP/1.1 form of the server's answers: a {@link Replies.Reply} with its length, or a stream's head. */
final class Responses {
    private Responses() {
    }

    /** {@code reply} as one response: its status, its line as the body, the shared content type, the length. */
    static FullHttpResponse of(ByteBufAllocator alloc, Replies.Reply reply) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(reply.status()), ByteBufUtil.writeUtf8(alloc, reply.body()));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, Replies.CONTENT_TYPE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        return response;
    }

    /** {@code 100 Continue}: go on and send the body. */
    static FullHttpResponse continueInterim() {
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER);
    }

    /**
     * The head of a {@code /stream} answer: chunked, or for an HTTP/1.0 client (which knows no chunks)
     * without a length, so that the body ends where the connection does.
     */
    static HttpResponse streamHead(boolean chunked) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, Replies.CONTENT_TYPE);
        HttpUtil.setTransferEncodingChunked(head, chunked);
        return head;
    }

    /**
     * Says whether the connection stays open after {@code response}: {@code Connection: close} when not,
     * {@code Connection: keep-alive} when it does for a client whose version would not assume it.
     */
    static HttpResponse connection(HttpResponse response, HttpVersion requestVersion, boolean keepAlive) {
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (!requestVersion.isKeepAliveDefault()) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        return response;
    }
}
