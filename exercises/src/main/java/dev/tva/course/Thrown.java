package dev.tva.course;

/** Describes an exception for a student: its type, message and the line of their code it came from. */
public final class Thrown {
    private Thrown() {
    }

    /** {@code IllegalStateException: boom (StudentWaiter.java:31)}: the innermost frame of {@code source}'s code, when there is one. */
    public static String describe(Throwable e, Source source) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            text.append(": ").append(e.getMessage());
        }
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith(source.packageRoot() + ".") && frame.getFileName() != null) {
                text.append(" (").append(frame.getFileName()).append(':').append(frame.getLineNumber()).append(')');
                break;
            }
        }
        return text.toString();
    }
}
