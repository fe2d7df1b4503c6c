package dev.tva.lessons;

import java.io.PrintWriter;

/**
 * The lab's command line, run in this JVM as {@code ./lab ARGS} runs it: the lessons that are one of the
 * lab's own commands ({@code lab servers}, {@code lab db-sweep}, {@code lab bench}) run it through this,
 * handed to them by the command line itself, which they do not import.
 */
@FunctionalInterface
public interface LabCommandLine {

    /** Runs {@code args} and returns the exit code: 0 done, 1 a run that failed or had errors, 2 bad input. */
    int execute(PrintWriter out, PrintWriter err, String... args);
}
