package dev.tva.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How long this JVM's threads were ready to run but waited for a CPU, from Linux's per-thread
 * {@code /proc/self/task/TID/schedstat} (its second field: time spent on a run queue, in nanoseconds).
 *
 * <p>On a machine whose cores are shared by the generator, the server and the backend, a generator can fall
 * behind its schedule with nothing wrong in its own code: its event loops were runnable and the CPUs were
 * busy with the others. CPU time alone cannot show that; the run-queue time does. Summed over the threads,
 * so it can exceed the wall time. Threads that end between the mark and the reading are not counted.
 */
final class RunQueueWait {
    private static final Path TASKS = Path.of("/proc/self/task");

    /** Each thread's run-queue time at the mark, by thread id; null when this system does not tell. */
    private final Map<String, Long> atMark;

    private RunQueueWait(Map<String, Long> atMark) {
        this.atMark = atMark;
    }

    /** Marks now. */
    static RunQueueWait mark() {
        return new RunQueueWait(perThread());
    }

    /** Milliseconds this JVM's threads waited for a CPU since the mark, summed over them; -1 when unknown. */
    long millisSinceMark() {
        Map<String, Long> now = perThread();
        if (atMark == null || now == null) {
            return -1;
        }
        long nanos = 0;
        for (Map.Entry<String, Long> t : now.entrySet()) {
            nanos += t.getValue() - atMark.getOrDefault(t.getKey(), 0L);
        }
        return Math.max(0, nanos / 1_000_000);
    }

    /** Run-queue nanoseconds of every live thread of this process; null without /proc schedstat. */
    static Map<String, Long> perThread() {
        Map<String, Long> waits = new HashMap<>();
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                long wait = waitNanos(task.resolve("schedstat"));
                if (wait >= 0) {
                    waits.put(task.getFileName().toString(), wait);
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return waits.isEmpty() ? null : waits;
    }

    /** The second field of a schedstat file ({@code run wait slices}); -1 when the thread has gone or the line is not that. */
    static long waitNanos(Path schedstat) {
        try {
            // One buffered read of the line: a /proc file reports size 0, which readString trusts more than it should.
            String[] fields = Files.readAllLines(schedstat).get(0).trim().split("\\s+");
            return fields.length >= 2 ? Long.parseLong(fields[1]) : -1;
        } catch (IOException | NumberFormatException | IndexOutOfBoundsException e) {
            return -1;
        }
    }
}
