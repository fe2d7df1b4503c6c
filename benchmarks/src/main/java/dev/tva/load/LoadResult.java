package dev.tva.load;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tva.workloads.Environment;
import dev.tva.workloads.LatencySummary;

import java.util.List;
import java.util.Map;

/**
 * One load run, as printed and written to result JSON (Jackson). Counts are of measured requests only;
 * warm-up requests run but are not counted. After a run every scheduled request has ended one way:
 * {@code scheduled = completed + errors + timeouts} (open model; the closed model also counts failed
 * connection attempts as errors).
 *
 * @param model             {@code open} or {@code closed}
 * @param url               the URL every request got
 * @param targetPerSec      the rate asked for; null for the closed model, which has none
 * @param achievedPerSec    2xx answers per second of {@code measuredMillis}; that span ends with the last
 *                          answer, so a server that keeps up shows a little under target (50 ms latency
 *                          over a 20 s run: 0.25% under)
 * @param latencyMicros     percentiles of the 2xx answers, in microseconds, from {@code latencyFrom}
 * @param latencyFrom       where latency starts: the intended send time (open) or the actual send (closed)
 * @param scheduled         requests due in the measured duration (open) or sent in it (closed)
 * @param sent              of those, requests written to a connection
 * @param completed         requests answered 2xx
 * @param errors            requests answered otherwise, plus requests lost with their connection
 * @param errorsByStatus    the non-2xx answers by status code
 * @param connectionErrors  requests whose connection failed to open or closed before the answer
 * @param timeouts          requests with no answer within the timeout (sent or still waiting to be)
 * @param late              requests sent more than {@code lateThresholdMillis} after their intended time
 * @param lateNoConnection  late because every connection allowed was busy when it came due: the server is
 *                          not keeping up (or there are too few connections)
 * @param lateGenerator     late because of the generator: its pacing tick came late, or it was still
 *                          opening a connection for the request
 * @param valid             no errors, no timeouts, at most 1% late, and at least one answer
 * @param invalidReason     why not valid, in one line; null when valid
 * @param faults            why not valid, typed (whose fault each is); empty when valid
 * @param connections       the most connections allowed (open) or held (closed)
 * @param connectionsOpened connections opened, in total (a server that closes them makes this grow)
 * @param loops             event loops that sent the load
 * @param transport         how they reached their sockets: {@code epoll} or {@code nio} ({@link Transport}); null in results
 *                          written before it was recorded, all of which ran on NIO
 * @param durationMillis    the measured duration asked for (a run the caller stopped early was shorter)
 * @param measuredMillis    from the first measured request's time to the last answer (at least the duration)
 * @param warmupMillis      the unmeasured warm-up before it
 * @param timeoutMillis     the timeout
 * @param lateThresholdMillis the late threshold
 * @param firstError        the first failure seen, for a clue; null when there was none
 * @param env               where it ran
 * @param cpus              the generator's CPUs as {@code --cpus} names them ({@code generator=0}); null when not pinned
 * @param generatorCpuMillis the generator's own CPU time (this JVM's, JIT and GC threads included) from the start
 *                          of the measured part to the end of the run; -1 when unknown
 * @param generatorCpuWaitMillis the time the generator's threads were ready to run and waited for a CPU in that span,
 *                          summed over them ({@link RunQueueWait}): CPUs taken by the server and backend beside it; -1 when unknown
 * @param generatorLongestGcPauseMillis the generator's longest GC pause in that span (0: none); -1 when unknown
 * @param hostStealPercent  the percentage of the machine's CPU time that its host took in that span ({@link HostSteal}):
 *                          a virtual machine's CPUs given to another guest; null when unknown, and in results written before it was
 * @param kernelMonitorPercent the percentage of the machine's CPU time that Linux's data-access monitor (DAMON's {@code kdamond}
 *                          threads) took in that span ({@link KernelMonitor}); null where none runs, and in results written before it was
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"model", "url", "targetPerSec", "achievedPerSec", "latencyMicros", "latencyFrom", "scheduled",
        "sent", "completed", "errors", "errorsByStatus", "connectionErrors", "timeouts", "late", "lateNoConnection",
        "lateGenerator", "valid", "invalidReason", "faults", "connections", "connectionsOpened", "loops", "transport", "durationMillis",
        "measuredMillis", "warmupMillis", "timeoutMillis", "lateThresholdMillis", "firstError", "env", "cpus",
        "generatorCpuMillis", "generatorCpuWaitMillis", "generatorLongestGcPauseMillis", "hostStealPercent",
        "kernelMonitorPercent"})
public record LoadResult(
        String model,
        String url,
        @JsonInclude(JsonInclude.Include.ALWAYS) Double targetPerSec,
        double achievedPerSec,
        LatencySummary latencyMicros,
        String latencyFrom,
        long scheduled,
        long sent,
        long completed,
        long errors,
        Map<String, Long> errorsByStatus,
        long connectionErrors,
        long timeouts,
        long late,
        long lateNoConnection,
        long lateGenerator,
        boolean valid,
        @JsonInclude(JsonInclude.Include.ALWAYS) String invalidReason,
        List<Fault> faults,
        int connections,
        long connectionsOpened,
        int loops,
        String transport,
        long durationMillis,
        long measuredMillis,
        long warmupMillis,
        long timeoutMillis,
        long lateThresholdMillis,
        String firstError,
        Environment env,
        String cpus,
        long generatorCpuMillis,
        long generatorCpuWaitMillis,
        long generatorLongestGcPauseMillis,
        Double hostStealPercent,
        Double kernelMonitorPercent) {

    /** Where the open model's latency starts. */
    public static final String FROM_INTENDED = "intended send time (coordinated omission corrected)";
    /** Where the closed model's latency starts. */
    public static final String FROM_SEND = "actual send (closed model: queueing in front of the server is hidden)";

    /** Builds the record of a finished run from its counters; {@code unresolved} requests count as timeouts. */
    static LoadResult of(LoadSettings settings, Tally tally, LatencySummary latency, long measuredNanos,
                         int loops, long unresolved, Environment env) {
        boolean open = settings.model() == LoadModel.OPEN;
        long completed = tally.completed.sum();
        long timeouts = tally.timeouts.sum() + unresolved;
        String firstError = tally.firstError();
        if (unresolved > 0 && firstError == null) {
            firstError = unresolved + " requests had not ended when the run stopped";
        }
        Validity validity = Validity.of(settings, tally.scheduled.sum(), completed, tally.errors(), tally.errorsByStatus(),
                tally.connectionErrors.sum(), timeouts, tally.lateNoConnection.sum(), tally.lateGenerator.sum());
        double achieved = measuredNanos <= 0 ? 0 : completed * 1e9 / measuredNanos;
        return new LoadResult(
                settings.model().id(), settings.uri().toString(), open ? settings.ratePerSec() : null,
                Math.round(achieved * 10) / 10.0, latency, open ? FROM_INTENDED : FROM_SEND,
                tally.scheduled.sum(), tally.sent.sum(), completed, tally.errors(), tally.errorsByStatus(),
                tally.connectionErrors.sum(), timeouts, tally.late(), tally.lateNoConnection.sum(), tally.lateGenerator.sum(),
                validity.valid(), validity.reason(), validity.faults(), settings.connections(), tally.connectionsOpened.sum(), loops,
                settings.transport().id(),
                settings.duration().toMillis(), measuredNanos / 1_000_000, settings.warmup().toMillis(),
                settings.timeout().toMillis(), settings.lateThreshold().toMillis(), firstError, env, null, -1, -1, -1, null, null);
    }

    /** The same result, recording where the generator ran. */
    public LoadResult withCpus(String cpus) {
        return new LoadResult(model, url, targetPerSec, achievedPerSec, latencyMicros, latencyFrom, scheduled, sent, completed,
                errors, errorsByStatus, connectionErrors, timeouts, late, lateNoConnection, lateGenerator, valid, invalidReason,
                faults, connections, connectionsOpened, loops, transport, durationMillis, measuredMillis, warmupMillis, timeoutMillis,
                lateThresholdMillis, firstError, env, cpus, generatorCpuMillis, generatorCpuWaitMillis, generatorLongestGcPauseMillis,
                hostStealPercent, kernelMonitorPercent);
    }

    /**
     * The same result, with the generator's own CPU time, its threads' wait for a CPU and its longest GC pause over the
     * measured part, and the shares of the machine's CPU its host and the kernel's memory monitor took then.
     */
    public LoadResult withGenerator(long cpuMillis, long cpuWaitMillis, long longestGcPauseMillis, Double stealPercent,
                                    Double monitorPercent) {
        return new LoadResult(model, url, targetPerSec, achievedPerSec, latencyMicros, latencyFrom, scheduled, sent, completed,
                errors, errorsByStatus, connectionErrors, timeouts, late, lateNoConnection, lateGenerator, valid, invalidReason,
                faults, connections, connectionsOpened, loops, transport, durationMillis, measuredMillis, warmupMillis, timeoutMillis,
                lateThresholdMillis, firstError, env, cpus, cpuMillis, cpuWaitMillis, longestGcPauseMillis, stealPercent,
                monitorPercent);
    }
}
