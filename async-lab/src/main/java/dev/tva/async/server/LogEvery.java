package dev.tva.async.server;

import java.time.Duration;

/**
 * Counts events and says when a log line about them is due: the first at once, then at most one every
 * {@code every}, each covering the events counted since the line before. Used on one thread only.
 */
final class LogEvery {
    /** A line that is due: how many events it covers, and over how many seconds (0 for the first line). */
    record Due(long events, long seconds) {
    }

    private final Duration every;
    private long since;
    private long lastNanos;
    private boolean logged;

    LogEvery(Duration every) {
        this.every = every;
    }

    void count() {
        since++;
    }

    /** The line due at {@code nowNanos}, if events were counted and the last line is old enough; it starts a new window. */
    Due due(long nowNanos) {
        if (since == 0 || (logged && nowNanos - lastNanos < every.toNanos())) {
            return null;
        }
        Due due = new Due(since, logged ? every.toSeconds() : 0);
        logged = true;
        lastNanos = nowNanos;
        since = 0;
        return due;
    }
}
