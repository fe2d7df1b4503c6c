package dev.tva.course.offload;

import reactor.blockhound.BlockHound;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/*
 * BlockHound is a Java agent: installed once, it instruments the JDK's blocking methods (Thread.sleep, socket
 * reads, parking, ...) for the whole JVM, and Netty's integration tells it which threads must never block: the event
 * loops. By default it throws BlockingOperationError into the blocking call; here its callback only notes the call,
 * so the student's code runs as it would without it and the check reports what BlockHound saw. Being JVM-wide, what
 * it reports has one JVM-wide place: this class.
 */

/** BlockHound, installed on first use, noting every blocking call made on a thread that must not block (an event loop). */
final class BlockingCalls {
    /** One blocking call: the method, and the thread it blocked. */
    record Call(String method, String thread) {
        @Override
        public String toString() {
            return method + " on '" + thread + "'";
        }
    }

    private static final Queue<Call> SEEN = new ConcurrentLinkedQueue<>();

    static {
        BlockHound.install(builder -> builder.blockingMethodCallback(method ->
                SEEN.add(new Call(method.getClassName() + "." + method.getName(), Thread.currentThread().getName()))));
    }

    private BlockingCalls() {
    }

    /** Installs BlockHound (the first time) and forgets the calls seen so far. */
    static void watch() {
        SEEN.clear();
    }

    /** The blocking calls seen since {@link #watch()}. */
    static List<Call> seen() {
        return List.copyOf(SEEN);
    }
}
