package dev.tva.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.tva.load.LoadResult;
import dev.tva.workloads.web.Endpoint;

/**
 * One server holding idle keep-alive connections while it serves a modest load, as printed and written to
 * result JSON: what the connections cost it (memory, threads) and whether the load's p99 stayed within the SLO.
 *
 * @param idle             idle connections asked for
 * @param served           of those, opened and served one GET /hello with a keep-alive 200
 * @param failed           not opened, or not served that way ({@code firstFailure} says why)
 * @param stillOpen        served connections still open when the load ended
 * @param silentMillis     how long the first of them had been silent at that count (servers close after 60 s)
 * @param openMillis       how long opening and serving them all took
 * @param rssMbBefore      the server's resident memory before they were opened (after its warm-up)
 * @param rssMbWith        the same with them open, before the load
 * @param threadsBefore    the server's live threads before
 * @param threadsWith      the same with them open
 * @param load             the load run beside them (its p99 is the one judged)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdleResult(String server, String label, Endpoint endpoint, String path, int idle, int served, int failed,
                         String firstFailure, int stillOpen, long silentMillis, long openMillis, long rssMbBefore, long rssMbWith,
                         long threadsBefore, long threadsWith, boolean steady, LoadResult load, boolean alive, long sloMillis,
                         Verdict verdict) {

    /** How the server bore the idle connections. */
    public enum Verdict {
        /** Every idle connection served and still open, and the load's p99 within the SLO with no failure. */
        HELD("held"),
        /** The connections held, but the load's p99 went over the SLO, or requests failed. */
        SLOW("slow"),
        /** Idle connections were refused, not served, or closed before the end. */
        DROPPED("dropped"),
        /** The server process died. */
        CRASHED("crashed");

        private final String id;

        Verdict(String id) {
            this.id = id;
        }

        @JsonValue
        public String id() {
            return id;
        }

        /** The verdict from the counts: a crash first, then lost connections, then the load's latency. */
        public static Verdict of(boolean alive, int idle, int served, int stillOpen, LoadResult load, long sloMillis) {
            if (!alive) {
                return CRASHED;
            }
            if (served < idle || stillOpen < served) {
                return DROPPED;
            }
            boolean fast = load.completed() > 0 && load.latencyMicros().p99() <= sloMillis * 1000;
            return fast && load.errors() == 0 && load.timeouts() == 0 ? HELD : SLOW;
        }
    }

    /** Extra resident memory per idle connection, in KiB (RSS with minus before, over those served). */
    public double rssKibPerConnection() {
        return served == 0 ? 0 : (rssMbWith - rssMbBefore) * 1024.0 / served;
    }
}
