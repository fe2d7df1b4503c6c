package dev.tva.cli;

/** A problem the user can fix (bad input, unreachable service): printed as one line, no stack trace. */
final class UserException extends RuntimeException {
    /** Exit code for bad input (flags, values). */
    static final int BAD_INPUT = 2;
    /** Exit code for a run that could not be done or ended with errors. */
    static final int FAILED = 1;

    private final int exitCode;

    UserException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
