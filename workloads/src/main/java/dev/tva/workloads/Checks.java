package dev.tva.workloads;

/** Argument checks whose messages name the parameter and its accepted range, in one line. */
public final class Checks {
    private Checks() {
    }

    public static long range(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    public static int range(String name, int value, int min, int max) {
        return (int) range(name, (long) value, min, max);
    }
}
