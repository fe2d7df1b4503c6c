package dev.tva.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.CorruptedFrameException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where answers end, with the bytes split at every possible point, as TCP may deliver them. */
class AnswerReaderTest {
    private static final String HELLO = "HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\nContent-Length: 6\r\n\r\nhello\n";
    private static final String CHUNKED = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;ext=1\r\nhello\r\n1a\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Trailer: t\r\n\r\n";
    private static final String CLOSE = "HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\ncontent-length: 0\r\n\r\n";

    /** Status and keep-alive of each answer that ended, reading {@code text} in pieces that end at the given indexes. */
    private static List<String> read(String text, int... cuts) {
        AnswerReader reader = new AnswerReader();
        ByteBuf all = Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII);
        ByteBuf cumulation = Unpooled.buffer();
        List<String> answers = new ArrayList<>();
        int from = 0;
        int[] ends = new int[cuts.length + 1];
        System.arraycopy(cuts, 0, ends, 0, cuts.length);
        ends[cuts.length] = text.length();
        for (int end : ends) {
            cumulation.writeBytes(all, from, end - from);
            from = end;
            while (reader.read(cumulation)) {
                answers.add(reader.status() + (reader.keepAlive() ? " keep-alive" : " close"));
            }
            cumulation.discardReadBytes();
        }
        assertThat(cumulation.readableBytes()).as("every byte consumed").isZero();
        return answers;
    }

    @Test
    void answersBackToBackAreEachFoundWhereverTheBytesAreSplit() {
        String three = HELLO + CHUNKED + CLOSE;
        List<String> expected = List.of("200 keep-alive", "200 keep-alive", "503 close");
        assertThat(read(three)).isEqualTo(expected);
        for (int cut = 1; cut < three.length(); cut++) {
            assertThat(read(three, cut)).as("split at %d", cut).isEqualTo(expected);
        }
        int[] everyByte = new int[three.length() - 1];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = i + 1;
        }
        assertThat(read(three, everyByte)).as("one byte at a time").isEqualTo(expected);
    }

    @Test
    void interimAnswersAreSkippedAndBodilessStatusesEndAtTheirHeaders() {
        assertThat(read("HTTP/1.1 100 Continue\r\n\r\n" + HELLO)).containsExactly("200 keep-alive");
        assertThat(read("HTTP/1.1 204 No Content\r\n\r\n")).containsExactly("204 keep-alive");
    }

    @Test
    void http10ClosesUnlessItAsksToKeepAlive() {
        assertThat(read("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n")).containsExactly("200 close");
        assertThat(read("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n")).containsExactly("200 keep-alive");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SMTP 220 hello\r\n\r\n",
            "HTTP/1.1 2x0 OK\r\nContent-Length: 0\r\n\r\n",
            "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
            "HTTP/1.1 200 OK\r\n\r\nbody until close",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n"})
    void malformedAnswersAreRefusedNotGuessed(String answer) {
        assertThatThrownBy(() -> read(answer)).isInstanceOf(CorruptedFrameException.class);
    }

    @Test
    void aLineWithoutEndIsRefusedOnceItIsTooLong() {
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nX: " + "a".repeat(AnswerReader.MAX_LINE)))
                .isInstanceOf(CorruptedFrameException.class).hasMessageContaining("longer than");
    }
}
