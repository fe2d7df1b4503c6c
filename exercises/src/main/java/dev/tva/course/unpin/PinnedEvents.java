package dev.tva.course.unpin;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingStream;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/*
 * The evidence is JFR's, not a stopwatch's: the JVM emits jdk.VirtualThreadPinned when a virtual thread parks (sleeps,
 * waits) and cannot unmount, with how long it stayed, where (its stack) and, on JDK 24 and later, why (pinnedReason).
 * -Djdk.tracePinnedThreads is gone since JDK 24; this is what replaced it.
 */

/** A JFR recording of {@code jdk.VirtualThreadPinned} events on the virtual threads whose names start with a prefix. */
final class PinnedEvents implements AutoCloseable {
    private static final String PINNED = "jdk.VirtualThreadPinned";

    /** One pinned wait: its thread, how long, the first frame in the student's package, and JFR's reason (null before JDK 24). */
    record Pin(String thread, Duration duration, String where, String reason) {
    }

    private final RecordingStream stream = new RecordingStream();
    private final Queue<Pin> pins = new ConcurrentLinkedQueue<>();

    /** Starts recording pins of at least {@code threshold} on threads named {@code threadPrefix...}, located in {@code studentPackage}. */
    PinnedEvents(Duration threshold, String threadPrefix, String studentPackage) {
        stream.enable(PINNED).withThreshold(threshold).withStackTrace();
        stream.onEvent(PINNED, event -> {
            String thread = event.getThread() == null ? "" : event.getThread().getJavaName();
            if (thread != null && thread.startsWith(threadPrefix)) {
                pins.add(new Pin(thread, event.getDuration(), where(event, studentPackage + "."),
                        event.hasField("pinnedReason") ? event.getString("pinnedReason") : null));
            }
        });
        stream.startAsync();
    }

    /** Stops recording and returns every pin recorded (stop() waits until each recorded event has been consumed). */
    List<Pin> stop() {
        stream.stop();
        return List.copyOf(pins);
    }

    @Override
    public void close() {
        stream.close();
    }

    private static String where(RecordedEvent event, String studentPackage) {
        if (event.getStackTrace() == null) {
            return "an unknown place";
        }
        for (RecordedFrame frame : event.getStackTrace().getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith(studentPackage)) {
                return type.substring(studentPackage.length()) + "." + frame.getMethod().getName() + ", line " + frame.getLineNumber();
            }
        }
        RecordedFrame top = event.getStackTrace().getFrames().isEmpty() ? null : event.getStackTrace().getFrames().getFirst();
        return top == null ? "an unknown place" : top.getMethod().getType().getName() + "." + top.getMethod().getName();
    }
}
