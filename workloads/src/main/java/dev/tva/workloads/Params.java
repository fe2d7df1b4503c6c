package dev.tva.workloads;

import java.util.List;
import java.util.Map;

/**
 * Reads numeric query parameters the same way on every server and the backend, so a bad request gets
 * the same one-line reason everywhere.
 */
public final class Params {
    private Params() {
    }

    /**
     * The integer value of {@code name} in {@code query}, or {@code defaultValue} when absent.
     *
     * @throws BadRequestException naming the parameter and its range when the value is not an integer
     *     in {@code [min, max]} or is given twice
     */
    public static long integer(Map<String, List<String>> query, String name, long defaultValue, long min, long max) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return defaultValue;
        }
        if (values.size() > 1) {
            throw new BadRequestException(name + " is given " + values.size() + " times; give it once");
        }
        String raw = values.get(0);
        long value;
        try {
            value = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new BadRequestException(rangeMessage(name, min, max) + ", got '" + abbreviate(raw) + "'");
        }
        if (value < min || value > max) {
            throw new BadRequestException(rangeMessage(name, min, max) + ", got " + value);
        }
        return value;
    }

    /**
     * The integer value of the required parameter {@code name}.
     *
     * @throws BadRequestException naming the parameter and its range when it is missing, not an integer in
     *     {@code [min, max]}, or given twice
     */
    public static long required(Map<String, List<String>> query, String name, long min, long max) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            throw new BadRequestException(name + " is required: " + rangeMessage(name, min, max).substring(name.length() + " must be ".length()));
        }
        return integer(query, name, 0, min, max);
    }

    /**
     * Rejects a parameter the endpoint does not read, so a typo ({@code msec=50}) is not silently ignored.
     *
     * @throws BadRequestException naming the first unknown parameter and the accepted ones
     */
    public static void onlyKnown(Map<String, List<String>> query, List<String> accepted) {
        for (String name : query.keySet()) {
            if (!accepted.contains(name)) {
                throw new BadRequestException("unknown parameter '" + abbreviate(name) + "'; accepted: "
                        + (accepted.isEmpty() ? "none" : String.join(", ", accepted)));
            }
        }
    }

    private static String rangeMessage(String name, long min, long max) {
        return name + " must be an integer between " + min + " and " + max;
    }

    private static String abbreviate(String raw) {
        return raw.length() <= 40 ? raw : raw.substring(0, 40) + "...";
    }

    /** A client mistake in a request; its message is the one-line reason sent with status 400. */
    public static final class BadRequestException extends RuntimeException {
        public BadRequestException(String message) {
            super(message, null, false, false);
        }
    }
}
