package dev.tva.workloads;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Copies a child JVM's output stream to one of ours, line by line, and hands every line to
 * {@link ChildLeaks#note} on the way: the user sees what the child printed, unchanged, and a test can
 * still find out that the child reported a leak.
 */
public final class ChildOutput {
    private final Thread copier;

    private ChildOutput(Thread copier) {
        this.copier = copier;
    }

    /** Starts copying {@code from} to {@code to} (or nowhere, when {@code to} is null) on a daemon thread named after {@code child}. */
    public static ChildOutput copy(InputStream from, PrintStream to, String child) {
        Thread copier = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    ChildLeaks.note(child, line);
                    if (to != null) {
                        to.println(line);
                    }
                }
            } catch (IOException e) {
                // the child is gone: nothing more to copy
            }
        }, child + "-output");
        copier.setDaemon(true);
        copier.start();
        return new ChildOutput(copier);
    }

    /** Waits up to {@code timeout} for the child's last line (its stream ends when it exits). */
    public void awaitEnd(Duration timeout) {
        try {
            copier.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
