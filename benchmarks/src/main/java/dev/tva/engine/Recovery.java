package dev.tva.engine;

import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * The recovery rule of an overload run: how many seconds after the rate drops the server's per-second
 * p99 is back under the SLO and stays there until the end of the run.
 */
public final class Recovery {
    /** A server that is back within this long after the drop has recovered; later (or never) is slow. */
    public static final Duration WITHIN = Duration.ofSeconds(10);
    /** "Stays there" needs at least this many good seconds at the end of the run: one good second is luck. */
    public static final int MIN_HELD_SECONDS = 3;

    private Recovery() {
    }

    /** How an overload run ended for the server. */
    public enum Verdict {
        /** Back under the SLO within {@link #WITHIN} of the drop, and stayed there. */
        RECOVERED("recovered"),
        /** Back under the SLO only later than {@link #WITHIN}, or not within the run. */
        SLOW("slow"),
        /** The server process died, or no longer answered /hello after the run. */
        CRASHED("crashed");

        private final String id;

        Verdict(String id) {
            this.id = id;
        }

        @JsonValue
        public String id() {
            return id;
        }
    }

    /**
     * One second of the run: second {@code second} covers the time from {@code second - 1} to {@code second}
     * seconds after the first request was due. {@code answers} and {@code p99Micros} are of the 2xx answers
     * that ended in it; {@code failures} the errors and timeouts counted in it.
     */
    public record Second(int second, long answers, long p99Micros, long failures) {
        /** Good: answers came, none failed, and their p99 was within the SLO. */
        public boolean within(Duration slo) {
            return answers > 0 && failures == 0 && p99Micros <= slo.toNanos() / 1_000;
        }
    }

    /**
     * Seconds from the drop (at {@code dropSecond}) to the start of the first second from which every second
     * up to {@code endSecond} is {@linkplain Second#within good}, at least {@link #MIN_HELD_SECONDS} of them;
     * empty when there is no such second: the server never recovered within the run. Seconds after
     * {@code endSecond} (waiting for the last answers, with no new requests) do not count. The run may end
     * before its last second is reported (every answer came in), so the reports may stop one second short.
     */
    public static OptionalInt seconds(List<Second> timeline, int dropSecond, int endSecond, Duration slo) {
        int firstGood = -1;
        for (Second s : timeline) {
            if (s.second() <= dropSecond || s.second() > endSecond) {
                continue;
            }
            if (!s.within(slo)) {
                firstGood = -1;
            } else if (firstGood < 0) {
                firstGood = s.second();
            }
        }
        int last = lastSecond(timeline, endSecond);
        if (firstGood < 0 || last - firstGood + 1 < MIN_HELD_SECONDS || last < endSecond - 1) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(firstGood - 1 - dropSecond);
    }

    /** RECOVERED, SLOW or CRASHED, from whether the server survived and how long it took to recover. */
    public static Verdict verdict(boolean survived, OptionalInt recoverySeconds) {
        if (!survived) {
            return Verdict.CRASHED;
        }
        return recoverySeconds.isPresent() && recoverySeconds.getAsInt() <= WITHIN.toSeconds() ? Verdict.RECOVERED : Verdict.SLOW;
    }

    /** The last second reported up to {@code endSecond}: a run whose reports stopped early has not shown recovery. */
    private static int lastSecond(List<Second> timeline, int endSecond) {
        return timeline.stream().mapToInt(Second::second).filter(s -> s <= endSecond).max().orElse(0);
    }
}
