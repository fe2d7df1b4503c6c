package dev.tva.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tva.load.LoadResult;
import dev.tva.workloads.web.Endpoint;

import java.util.List;

/**
 * One server's overload run, as printed and written to result JSON: its capacity, the two rates, every
 * request accounted for, the p99 of each second, whether the server survived, and how long it took to
 * recover.
 *
 * @param server            the server's id
 * @param label             how tables name it, e.g. {@code jdk-platform (200 threads)}
 * @param capacityPerSec    the capacity the rates are computed from
 * @param capacityFrom      how it was known: {@code given} or the measured steps (see {@link Capacity})
 * @param overPerSec        the overload's rate (twice the capacity)
 * @param overMillis        how long it lasted
 * @param afterPerSec       the rate after the drop (half the capacity)
 * @param afterMillis       how long it lasted
 * @param steady            whether the server's warm-up settled
 * @param load              the whole run as the generator saw it (scheduled, completed, errors by kind, timeouts)
 * @param lost              scheduled minus completed, errors and timeouts: 0 when every request is accounted for
 * @param timeline          the seconds of the run, with their answers, p99 and new failures
 * @param recoverySeconds   seconds from the drop until the p99 stays under the SLO; null: never within the run
 * @param alive             the server process was alive after the run
 * @param helloMillis       how long after the run it answered /hello; null: it did not within the wait
 * @param serverRssMb       the server's resident memory after the run
 * @param serverPeakThreads the server's most live threads during the run
 * @param sloMillis         the p99 a second must stay under
 * @param verdict           RECOVERED, SLOW or CRASHED
 * @param rehearsal         the shorter overload run before the measured one; null in results written before it was
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OverloadResult(String server, String label, Endpoint endpoint, String path, double capacityPerSec, String capacityFrom,
                             double overPerSec, long overMillis, double afterPerSec, long afterMillis, boolean steady,
                             LoadResult load, long lost, List<Recovery.Second> timeline,
                             @JsonInclude(JsonInclude.Include.ALWAYS) Integer recoverySeconds, boolean alive,
                             @JsonInclude(JsonInclude.Include.ALWAYS) Long helloMillis, long serverRssMb, long serverPeakThreads,
                             long sloMillis, Recovery.Verdict verdict, Rehearsal rehearsal) {

    /**
     * The shorter overload before the measured one, that compiles its code in the server, the backend and the
     * generator ({@link OverloadRun}), and whether the warm-up after it settled again.
     */
    public record Rehearsal(double overPerSec, long overMillis, double afterPerSec, long afterMillis, long answered, long errors,
                            long timeouts, boolean steadyAfter) {
    }
}
