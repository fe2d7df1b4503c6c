package dev.tva.workloads;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** Netty's leak reports across JVMs: the detection level a child JVM inherits, and the {@code LEAK:} lines children printed. */
public final class ChildLeaks {
    /** Netty's system property for its leak detection level ({@code disabled}, {@code simple}, {@code advanced}, {@code paranoid}). */
    public static final String LEVEL_PROPERTY = "io.netty.leakDetection.level";
    /** What every report of Netty's leak detector contains. */
    public static final String MARK = "LEAK:";
    /** Lines kept at most: a user's long run that leaks must not grow this process's memory without end. */
    private static final int KEPT = 200;

    /*
     * Process-wide on purpose, like Netty's own detector: a child JVM is started deep inside a command (a
     * server of `lab servers`, the backend of a run), far from the test that caused it. A test fails on these
     * lines afterwards; a user's run only ever sees them printed, as the child printed them.
     */
    private static final Queue<String> LINES = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger COUNT = new AtomicInteger();

    private ChildLeaks() {
    }

    /** {@code -Dio.netty.leakDetection.level=LEVEL} when this JVM has the property set, else nothing: a child JVM's flags. */
    public static List<String> flags() {
        String level = System.getProperty(LEVEL_PROPERTY);
        return level == null ? List.of() : List.of("-D" + LEVEL_PROPERTY + "=" + level);
    }

    /** Keeps {@code line} when it is a leak report; {@code child} names the process that printed it. */
    public static void note(String child, String line) {
        if (line.contains(MARK) && COUNT.getAndIncrement() < KEPT) {
            LINES.add(child + ": " + line);
        }
    }

    /** The leak lines kept since the last call, oldest first; they are forgotten. */
    public static List<String> drain() {
        List<String> lines = new ArrayList<>();
        for (String line; (line = LINES.poll()) != null; ) {
            lines.add(line);
        }
        COUNT.set(LINES.size());
        return lines;
    }
}
