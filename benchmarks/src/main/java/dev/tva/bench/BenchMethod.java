package dev.tva.bench;

import java.util.Locale;

/**
 * A benchmark method of one suite, as its notices look its score up: an enum constant per method,
 * {@code PING_PONG} for {@code pingPong}, so a name that matches no method fails a test, not a sentence.
 */
public interface BenchMethod {

    /** The suite whose class declares the method. */
    Suite suite();

    /** The enum constant's name, {@code PING_PONG}. */
    String name();

    /** The method's name as JMH reports it: the constant's name in lower camel case, {@code pingPong}. */
    default String methodName() {
        StringBuilder s = new StringBuilder();
        for (String word : name().split("_")) {
            String lower = word.toLowerCase(Locale.ROOT);
            s.append(s.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
        }
        return s.toString();
    }
}
