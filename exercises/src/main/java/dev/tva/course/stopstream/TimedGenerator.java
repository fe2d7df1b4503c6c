package dev.tva.course.stopstream;

import dev.tva.workloads.web.Replies;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/*
 * The generator is the check's eyes inside the student's stream: every call is noted with its thread and its start
 * and end, so the checks can count chunks made after the client left and ask whether the threads that made them
 * have ended. Its chunks are the lab's /stream chunks (Replies.chunk): the same lines every server streams.
 */

/** The checks' generator: each chunk takes one interval of sleeping, and every call is recorded. */
final class TimedGenerator implements Streamer.Generator {
    /** One call: which chunk, on which thread, when it started and ended (nanoTime; 0 while it runs), and whether it made its chunk. */
    record Call(int index, Thread thread, long startNanos, long endNanos, boolean made) {
    }

    private final int chunks;
    private final Duration interval;
    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private volatile boolean over;

    TimedGenerator(int chunks, Duration interval) {
        this.chunks = chunks;
        this.interval = interval;
    }

    @Override
    public int chunks() {
        return chunks;
    }

    @Override
    public String generate(int index) throws InterruptedException {
        if (index < 1 || index > chunks) {
            throw new IllegalArgumentException("chunk " + index + " does not exist: the answer has chunks 1 to " + chunks);
        }
        if (over) {
            throw new InterruptedException("the check is over: the check stops a generator that outlived it");
        }
        threads.add(Thread.currentThread());
        long start = System.nanoTime();
        boolean made = false;
        try {
            Thread.sleep(interval);
            made = true;
            return Replies.chunk(index, chunks);
        } finally {
            calls.add(new Call(index, Thread.currentThread(), start, System.nanoTime(), made));
        }
    }

    /** The calls that have ended so far, in the order they ended. */
    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The threads that have called {@link #generate}, those still alive among them. */
    List<Thread> aliveThreads() {
        return threads.stream().filter(Thread::isAlive).toList();
    }

    /** Every later call fails at once, so that a producer the student's code left running ends with the check. */
    void end() {
        over = true;
    }

    /** The whole answer, as the client must receive it. */
    String expected() {
        StringBuilder all = new StringBuilder();
        for (int i = 1; i <= chunks; i++) {
            all.append(Replies.chunk(i, chunks));
        }
        return all.toString();
    }
}
