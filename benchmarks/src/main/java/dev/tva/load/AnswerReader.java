package dev.tva.load;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.util.ByteProcessor;

/**
 * Finds where each HTTP/1.1 answer on one connection ends, and its status and whether the connection
 * stays open. Hand-written on purpose: the generator must cost much less CPU than the server it measures,
 * and Netty's codec builds a header map, header strings and a response object for every answer, which
 * made up most of the generator's allocation and a large share of its CPU at tens of thousands of answers
 * a second. This reads only what the generator needs (status line, {@code Content-Length},
 * {@code Transfer-Encoding: chunked}, {@code Connection}) and skips the rest byte by byte; it never copies.
 *
 * <p>An answer's body is delimited by {@code Content-Length} or chunked; anything else (a body read until
 * the connection closes, a malformed line) is a {@link CorruptedFrameException}, which fails the request
 * and closes the connection. Interim (1xx) answers are skipped.
 */
final class AnswerReader {
    /** Longest line read: far above any status line or header the lab's servers send. */
    static final int MAX_LINE = 16 * 1024;

    private enum Place { STATUS_LINE, HEADERS, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS }

    private Place place = Place.STATUS_LINE;
    private int status;
    private boolean http10;
    private boolean keepAlive;
    private boolean chunked;
    private long contentLength;
    private long remaining;

    /** The status of the answer that {@link #read} last completed. */
    int status() {
        return status;
    }

    /** Whether the connection may carry another request after the answer {@link #read} last completed. */
    boolean keepAlive() {
        return keepAlive;
    }

    /** Consumes bytes of {@code in} up to the end of one answer; true when an answer ended (call again for more). */
    boolean read(ByteBuf in) {
        while (in.isReadable()) {
            switch (place) {
                case BODY -> {
                    int n = (int) Math.min(remaining, in.readableBytes());
                    in.skipBytes(n);
                    remaining -= n;
                    if (remaining == 0) {
                        return end();
                    }
                }
                case CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, in.readableBytes());
                    in.skipBytes(n);
                    remaining -= n;
                    if (remaining == 0) {
                        place = Place.CHUNK_END;
                    }
                }
                default -> {
                    int lf = in.forEachByte(ByteProcessor.FIND_LF);
                    if (lf < 0) {
                        if (in.readableBytes() > MAX_LINE) {
                            throw new CorruptedFrameException("an answer line longer than " + MAX_LINE + " bytes");
                        }
                        return false;
                    }
                    int start = in.readerIndex();
                    int end = lf > start && in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
                    in.readerIndex(lf + 1);
                    if (line(in, start, end)) {
                        return end();
                    }
                }
            }
        }
        return false;
    }

    /** Handles one line (without its CR LF); true when it ended the answer. */
    private boolean line(ByteBuf in, int start, int end) {
        switch (place) {
            case STATUS_LINE -> statusLine(in, start, end);
            case HEADERS -> {
                if (end == start) {
                    return headersEnded();
                }
                header(in, start, end);
            }
            case CHUNK_SIZE -> {
                remaining = hex(in, start, end);
                place = remaining == 0 ? Place.TRAILERS : Place.CHUNK_DATA;
            }
            case CHUNK_END -> {
                if (end != start) {
                    throw new CorruptedFrameException("chunk data longer than its size");
                }
                place = Place.CHUNK_SIZE;
            }
            case TRAILERS -> {
                return end == start;
            }
            default -> throw new IllegalStateException("not a line: " + place);
        }
        return false;
    }

    private void statusLine(ByteBuf in, int start, int end) {
        // "HTTP/1.1 200 OK": the version, a space, three digits.
        if (end - start < 12 || in.getByte(start + 8) != ' ' || !HttpAscii.startsWith(in, start, "HTTP/1.")) {
            throw new CorruptedFrameException("not an HTTP/1.x status line");
        }
        http10 = in.getByte(start + 7) == '0';
        status = HttpAscii.digits(in, start + 9, start + 12);
        keepAlive = !http10;
        chunked = false;
        contentLength = -1;
        place = Place.HEADERS;
    }

    private void header(ByteBuf in, int start, int end) {
        int colon = in.indexOf(start, end, (byte) ':');
        if (colon < 0) {
            throw new CorruptedFrameException("a header line without a colon");
        }
        int value = HttpAscii.skipSpaces(in, colon + 1, end);
        int valueEnd = HttpAscii.trimEnd(in, value, end);
        if (HttpAscii.equalsIgnoreCase(in, start, colon, "content-length")) {
            contentLength = HttpAscii.digits(in, value, valueEnd);
        } else if (HttpAscii.equalsIgnoreCase(in, start, colon, "transfer-encoding")) {
            chunked = HttpAscii.endsWithIgnoreCase(in, value, valueEnd, "chunked");
        } else if (HttpAscii.equalsIgnoreCase(in, start, colon, "connection")) {
            if (HttpAscii.containsIgnoreCase(in, value, valueEnd, "close")) {
                keepAlive = false;
            } else if (http10 && HttpAscii.containsIgnoreCase(in, value, valueEnd, "keep-alive")) {
                keepAlive = true;
            }
        }
    }

    /** The blank line after the headers: where the body starts, if there is one; true when the answer ended. */
    private boolean headersEnded() {
        if (status / 100 == 1) {
            place = Place.STATUS_LINE; // an interim answer: the real one follows
            return false;
        }
        if (status == 204 || status == 304) {
            return true;
        }
        if (chunked) {
            place = Place.CHUNK_SIZE;
            return false;
        }
        if (contentLength < 0) {
            throw new CorruptedFrameException("an answer with neither Content-Length nor chunked encoding");
        }
        remaining = contentLength;
        place = Place.BODY;
        return contentLength == 0;
    }

    private static long hex(ByteBuf in, int start, int end) {
        int stop = in.indexOf(start, end, (byte) ';'); // chunk extensions are ignored
        stop = HttpAscii.trimEnd(in, start, stop < 0 ? end : stop);
        if (stop == start || stop - start > 15) {
            throw new CorruptedFrameException("a malformed chunk size");
        }
        long size = 0;
        for (int i = start; i < stop; i++) {
            int d = Character.digit(in.getByte(i), 16);
            if (d < 0) {
                throw new CorruptedFrameException("a malformed chunk size");
            }
            size = size * 16 + d;
        }
        return size;
    }

    private boolean end() {
        place = Place.STATUS_LINE;
        return true;
    }
}
