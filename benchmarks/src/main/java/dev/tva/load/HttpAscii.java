package dev.tva.load;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.CorruptedFrameException;

/** Comparisons of ASCII text in a {@link ByteBuf} range without copying it, for {@link AnswerReader}. */
final class HttpAscii {
    private HttpAscii() {
    }

    static boolean startsWith(ByteBuf in, int start, String prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (in.getByte(start + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static boolean equalsIgnoreCase(ByteBuf in, int start, int end, String lowerCase) {
        return end - start == lowerCase.length() && regionMatches(in, start, lowerCase);
    }

    static boolean endsWithIgnoreCase(ByteBuf in, int start, int end, String lowerCase) {
        return end - start >= lowerCase.length() && regionMatches(in, end - lowerCase.length(), lowerCase);
    }

    static boolean containsIgnoreCase(ByteBuf in, int start, int end, String lowerCase) {
        for (int i = start; i + lowerCase.length() <= end; i++) {
            if (regionMatches(in, i, lowerCase)) {
                return true;
            }
        }
        return false;
    }

    private static boolean regionMatches(ByteBuf in, int at, String lowerCase) {
        for (int i = 0; i < lowerCase.length(); i++) {
            int b = in.getByte(at + i);
            if ((b >= 'A' && b <= 'Z' ? b + 32 : b) != lowerCase.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A decimal number of 1 to 9 digits filling the whole range. */
    static int digits(ByteBuf in, int start, int end) {
        if (end <= start || end - start > 9) {
            throw new CorruptedFrameException("expected a decimal number");
        }
        int n = 0;
        for (int i = start; i < end; i++) {
            int b = in.getByte(i);
            if (b < '0' || b > '9') {
                throw new CorruptedFrameException("expected a decimal number");
            }
            n = n * 10 + (b - '0');
        }
        return n;
    }

    static int skipSpaces(ByteBuf in, int start, int end) {
        int i = start;
        while (i < end && (in.getByte(i) == ' ' || in.getByte(i) == '\t')) {
            i++;
        }
        return i;
    }

    static int trimEnd(ByteBuf in, int start, int end) {
        int i = end;
        while (i > start && (in.getByte(i - 1) == ' ' || in.getByte(i - 1) == '\t')) {
            i--;
        }
        return i;
    }
}
