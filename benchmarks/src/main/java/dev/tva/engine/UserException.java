package dev.tva.engine;

/** A problem the user can fix (bad input, unreachable service): printed as one line, no stack trace. */
public final class UserException extends RuntimeException {
    /** Exit code for bad input (flags, values). */
    public static final int BAD_INPUT = 2;
    /** Exit code for a run that could not be done or ended with errors. */
    public static final int FAILED = 1;

    private final int exitCode;

    public UserException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
