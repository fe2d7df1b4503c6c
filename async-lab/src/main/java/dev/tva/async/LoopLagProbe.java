package dev.tva.async;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/*
 * A loop that is busy cannot say so: nothing on it runs until the busy task returns. So ask it, from
 * the inside, at a steady beat: a timer due every `period` notes how late it ran. On an idle loop it
 * runs on time (a few microseconds late); behind a task that computes for 50 ms, it runs up to 50 ms
 * late, and so does every other task on that loop: every request, every timer, every answer to read.
 * That lateness is the loop's lag, the number Node.js services alarm on.
 */

/** A probe timer on one event loop that records how late each of its ticks ran: the loop's lag. */
public final class LoopLagProbe implements AutoCloseable {
    private final EventLoop loop;
    private final long periodNanos;
    private final Histogram lagMicros = new Histogram(60_000_000L, 3);
    private ScheduledFuture<?> next;
    private long dueNanos;
    private volatile long lastTickNanos = System.nanoTime();
    private volatile long lastLateNanos;
    private volatile boolean closed;

    private LoopLagProbe(EventLoop loop, Duration period) {
        this.loop = loop;
        this.periodNanos = period.toNanos();
    }

    /** Starts ticking on {@code loop} every {@code period}. */
    public static LoopLagProbe start(EventLoop loop, Duration period) {
        LoopLagProbe probe = new LoopLagProbe(loop, period);
        loop.execute(probe::schedule);
        return probe;
    }

    private void schedule() {
        if (closed) {
            return;
        }
        dueNanos = System.nanoTime() + periodNanos;
        next = loop.schedule(this::tick, periodNanos, TimeUnit.NANOSECONDS);
    }

    private void tick() {
        long now = System.nanoTime();
        long late = Math.max(0, now - dueNanos);
        lastLateNanos = late;
        lastTickNanos = now;
        synchronized (lagMicros) {
            lagMicros.recordValue(Math.min(lagMicros.getHighestTrackableValue(), late / 1_000));
        }
        schedule();
    }

    /**
     * How late the loop is at {@code now} (a {@link System#nanoTime} reading), from any thread: how late its
     * last tick ran, or, when the next tick is overdue, by how much; a loop too busy to tick cannot say so itself.
     */
    public long lagNanos(long now) {
        return Math.max(lastLateNanos, now - lastTickNanos - periodNanos);
    }

    /** The ticks' lag so far, as a copy. */
    public Histogram lag() {
        synchronized (lagMicros) {
            return lagMicros.copy();
        }
    }

    /** Forgets the ticks so far: the next {@link #lag()} covers only what follows. */
    public void reset() {
        synchronized (lagMicros) {
            lagMicros.reset();
        }
    }

    /** Stops ticking. */
    @Override
    public void close() {
        closed = true;
        loop.execute(() -> {
            if (next != null) {
                next.cancel(false);
            }
        });
    }
}
