package dev.tva.threads;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Blocking calls forked onto an executor and joined, the first failure cancelling the rest: the fork-join
 * of blocking code, on the executor the caller itself may be running on.
 *
 * <p>A fixed pool whose threads all wait for forks still queued behind them would wait forever: the
 * thread-starvation deadlock of nesting tasks in one bounded pool. So a fork that no thread has started
 * within {@link #GRACE_MILLIS} is run by the caller itself, and the caller waits without a timeout only
 * once every fork is running somewhere. On a pool with threads to spare, and on a virtual thread per
 * fork, the forks start at once and the caller only waits.
 *
 * <p>Cancelling is interrupting: a failed fork cancels its siblings, which interrupts the threads running
 * them (the caller's too, when it runs one). A call that honours interrupts ends there, and the caller
 * throws the first failure as it was; one that does not (a plain socket's read on a platform thread)
 * keeps its thread until it ends, and if that thread is the caller's, the caller with it.
 */
final class Forks {
    /**
     * How long the caller lets a queued fork wait for a free thread before running it itself: enough for an
     * idle pool thread (or a carrier, for a virtual thread) to pick it up on a busy machine. Only a starved
     * pool pays it, once per fan-out.
     */
    static final long GRACE_MILLIS = 10;

    private final Executor executor;
    private final List<Fork> forks = new CopyOnWriteArrayList<>();  // read by forks that fail while more are forked
    private final BlockingQueue<Fork> finished = new LinkedBlockingQueue<>();
    private volatile boolean failed;

    Forks(Executor executor) {
        this.executor = executor;
    }

    /** Starts {@code call} on the executor (or later on the joining thread, if no thread took it by then). */
    void fork(Callable<Long> call) {
        Fork fork = new Fork(call);
        forks.add(fork);
        if (failed) {
            fork.cancel(true);  // a sibling has failed already: the join will throw that
        } else {
            executor.execute(fork);
        }
    }

    /** Waits for every fork and adds up their results; the first failure cancels the others and is thrown. */
    long sum() throws IOException, InterruptedException {
        try {
            long total = 0;
            for (int i = 0; i < forks.size(); i++) {
                total += next().result();
            }
            return total;
        } finally {
            forks.forEach(fork -> fork.cancel(true));
        }
    }

    /** The next fork to finish; while one has not started, gives it a grace to start, then runs it here. */
    private Fork next() throws InterruptedException {
        while (true) {
            Fork waiting = forks.stream().filter(Fork::unstarted).findFirst().orElse(null);
            if (waiting == null) {
                return finished.take();  // every fork is running on some thread: each one ends
            }
            Fork done = finished.poll(GRACE_MILLIS, TimeUnit.MILLISECONDS);
            if (done != null) {
                return done;
            }
            if (waiting.runHere() && waiting.isCancelled()) {
                Thread.interrupted();  // a sibling failed and cancelled this fork while this thread ran it
            }
        }
    }

    /** One forked call: runs once, on whichever thread claims it first. */
    private final class Fork extends FutureTask<Long> {
        private final AtomicBoolean claimed = new AtomicBoolean();

        Fork(Callable<Long> call) {
            super(call);
        }

        @Override
        public void run() {
            runHere();
        }

        /** Runs the call on this thread unless another thread claimed it first; true if this one did. */
        boolean runHere() {
            if (!claimed.compareAndSet(false, true)) {
                return false;
            }
            super.run();
            return true;
        }

        boolean unstarted() {
            return !claimed.get();
        }

        @Override
        protected void done() {
            finished.add(this);
            if (state() == State.FAILED) {
                failed = true;
                forks.forEach(sibling -> sibling.cancel(true));
            }
        }

        /** The result, or the call's own failure; a cancelled fork is one that a sibling's failure ended. */
        long result() throws IOException {
            return switch (state()) {
                case SUCCESS -> resultNow();
                case FAILED -> throw rethrow(exceptionNow());
                case CANCELLED -> throw new CancellationException("cancelled: a sibling call failed");
                case RUNNING -> throw new IllegalStateException("not finished");
            };
        }

        private static IOException rethrow(Throwable failure) {
            if (failure instanceof IOException io) {
                return io;
            }
            if (failure instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            return new IOException(failure);
        }
    }
}
