package dev.tva.course.stopstream;

import dev.tva.course.Check;
import dev.tva.course.Check.Seen;
import dev.tva.course.CheckSuite;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** stop-the-stream's checks: every chunk in order while the client reads; after it leaves, generating stops soon and its threads end. */
public final class StopStreamChecks implements CheckSuite<Streamer> {
    /** How long the generator takes per chunk. */
    static final Duration INTERVAL = Duration.ofMillis(50);
    /** The stream the client reads to its end. */
    static final int SHORT = 8;
    /** The stream the client leaves: 5 s of chunks, far more than the watch. */
    static final int LONG = 100;
    static final int LEAVE_AFTER = 4;
    /** Generating must stop this soon after the client left: a blocking writer learns it from a failed write, a chunk or two later. */
    static final Duration STOP_TARGET = INTERVAL.multipliedBy(6);
    /** How long after the client left the check watches for the stream to end. */
    static final Duration WATCH = Duration.ofSeconds(1);

    @Override
    public Class<Streamer> contract() {
        return Streamer.class;
    }

    @Override
    public String studentClass() {
        return "StudentStreamer";
    }

    @Override
    public List<Check<Streamer>> checks() {
        return List.of(
                new Check<>("while the client reads, every chunk arrives, in order",
                        "write each chunk the generator makes, in order, and flush it at once", this::everyChunkInOrder),
                new Check<>("after the client leaves, chunks stop being generated within " + STOP_TARGET.toMillis() + " ms",
                        "when a write fails (the client has gone), stop the producer: interrupt its thread, or cancel(true) the Future an"
                                + " executor's submit gave you (a CompletableFuture's cancel interrupts nothing)",
                        this::generatingStops),
                new Check<>("after the client leaves, stream() returns and every thread that generated chunks ends",
                        "stop the producer whichever way stream() ends (a finally block), then wait for it to end (join) before returning",
                        this::threadsEnd));
    }

    private Seen everyChunkInOrder(Streamer student) throws Exception {
        StreamRun.Seen seen = StreamRun.run(student, new TimedGenerator(SHORT, INTERVAL), SHORT, WATCH);
        // Streamed, the chunks come an interval apart; the whole answer written at the end comes all at once.
        long spreadTarget = (SHORT - 1) * INTERVAL.toMillis() / 2;
        String what = String.format(Locale.ROOT, "%d of %d chunks arrived in order, one made every %d ms%s", seen.read(), SHORT, INTERVAL.toMillis(),
                seen.firstWrong() == null ? "" : "; " + seen.firstWrong());
        if (seen.read() == SHORT) {
            what += String.format(Locale.ROOT, "; %d ms from the first to the last (target over %d ms: each chunk sent as it is made,"
                    + " not the whole answer at the end)", seen.spreadMillis(), spreadTarget);
        }
        return seen.read() == SHORT && seen.spreadMillis() > spreadTarget ? Seen.held(what) : Seen.missed(what);
    }

    private Seen generatingStops(Streamer student) throws Exception {
        StreamRun.Seen seen = StreamRun.run(student, new TimedGenerator(LONG, INTERVAL), LEAVE_AFTER, WATCH);
        if (seen.firstWrong() != null) {
            return Seen.missed("the client left after " + LEAVE_AFTER + " chunks of " + LONG + ", but " + seen.firstWrong());
        }
        long after = seen.calls().stream().filter(c -> c.made() && c.endNanos() > seen.leftNanos()).count();
        long lastMillis = Math.max(0, seen.calls().stream().mapToLong(TimedGenerator.Call::endNanos).max().orElse(0) - seen.leftNanos()) / 1_000_000;
        boolean stillGenerating = !seen.alive().isEmpty() && lastMillis > WATCH.minus(INTERVAL.multipliedBy(2)).toMillis();
        String what = String.format(Locale.ROOT, "the client left after %d chunks of %d; %d chunk%s generated after that, the last call ended %d ms"
                        + " after it left%s (target under %d ms)", LEAVE_AFTER, LONG, after, after == 1 ? " was" : "s were", lastMillis,
                stillGenerating ? ", and the generator was still at work when the check stopped watching, " + WATCH.toMillis() + " ms after" : "",
                STOP_TARGET.toMillis());
        if (lastMillis < STOP_TARGET.toMillis()) {
            return Seen.held(what);
        }
        return Seen.missed(what + ". Nobody reads those chunks: a producer that outlives its client spends what generating costs for"
                + " nothing, for every abandoned stream");
    }

    private Seen threadsEnd(Streamer student) throws Exception {
        StreamRun.Seen seen = StreamRun.run(student, new TimedGenerator(LONG, INTERVAL), LEAVE_AFTER, WATCH);
        String returned = seen.returnedNanos() == 0 ? "stream() had not returned " + WATCH.toMillis() + " ms after the client left"
                : "stream() returned " + millis(seen.returnedNanos() - seen.leftNanos()) + " ms after the client left";
        if (seen.alive().isEmpty() && seen.returnedNanos() != 0) {
            return Seen.held(returned + "; every thread that generated chunks had ended by " + millis(seen.threadsEndedNanos() - seen.leftNanos())
                    + " ms after");
        }
        String alive = seen.alive().stream().map(StopStreamChecks::name).collect(Collectors.joining(", "));
        return Seen.missed(returned + (alive.isEmpty() ? "" : "; still alive " + WATCH.toMillis() + " ms after: " + alive)
                + ". A task started for a connection must end with it: nobody else will stop it, and each abandoned stream leaves one behind");
    }

    private static long millis(long nanos) {
        return Math.max(0, nanos) / 1_000_000;
    }

    private static String name(Thread thread) {
        return thread.getName().isEmpty() ? thread.toString() : "'" + thread.getName() + "'";
    }
}
