package dev.tva.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
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
    /**
     * A second in which the host took at least this percentage of the machine's CPU time (steal time) was a slow
     * second for the machine: on two shared cores, a tenth of the CPU is more than the room a p99 at half the
     * capacity has under the SLO.
     */
    public static final double STOLEN_PERCENT = 10;

    /** Whether a share of the machine's CPU that its host took (null: unknown) is {@link #STOLEN_PERCENT} or more. */
    public static boolean stolen(Double stealPercent) {
        return stealPercent != null && stealPercent >= STOLEN_PERCENT;
    }

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
     * that ended in it; {@code failures} the errors and timeouts counted in it; {@code stealPercent} the
     * percentage of the machine's CPU time its host took in it ({@link dev.tva.load.HostSteal}), null when
     * unknown and in results written before it was; {@code serverOpenFiles} the server's open files at its end
     * (its connections, its backend sockets, its own files: {@code /proc/PID/fd}), null where not read and in
     * results written before it was.
     */
    public record Second(int second, long answers, long p99Micros, long failures,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Double stealPercent,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Long serverOpenFiles) {
        /** A second whose steal time and server's files are not known. */
        public Second(int second, long answers, long p99Micros, long failures) {
            this(second, answers, p99Micros, failures, null, null);
        }

        /** Good: answers came, none failed, and their p99 was within the SLO. */
        public boolean within(Duration slo) {
            return answers > 0 && failures == 0 && p99Micros <= slo.toNanos() / 1_000;
        }

        /** Whether the host took {@link #STOLEN_PERCENT} or more of the machine's CPU in this second. */
        public boolean stolen() {
            return Recovery.stolen(stealPercent);
        }
    }

    /**
     * The seconds over the SLO after the server was first back under it following the drop, up to
     * {@code endSecond}: the relapses that keep a server that came back from having recovered. {@code stolen} is
     * how many of them the host took {@link #STOLEN_PERCENT} or more of the machine's CPU in; {@code known} is false
     * when no second recorded its steal time.
     */
    public record Relapses(int bad, int stolen, boolean known) {
        /** Whether most of the relapses were seconds in which the host took the CPU. */
        public boolean mostlyStolen() {
            return known && bad > 0 && 2 * stolen > bad;
        }
    }

    /** Counts the seconds that were not {@linkplain Second#within good} after the first good one after {@code dropSecond}. */
    public static Relapses relapses(List<Second> timeline, int dropSecond, int endSecond, Duration slo) {
        boolean back = false;
        int bad = 0;
        int stolen = 0;
        boolean known = false;
        for (Second s : timeline) {
            known |= s.stealPercent() != null;
            if (s.second() <= dropSecond || s.second() > endSecond) {
                continue;
            }
            if (s.within(slo)) {
                back = true;
            } else if (back) {
                bad++;
                stolen += s.stolen() ? 1 : 0;
            }
        }
        return new Relapses(bad, stolen, known);
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
