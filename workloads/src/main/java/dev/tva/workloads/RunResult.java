package dev.tva.workloads;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;

/**
 * One run, as written to results JSON. The names of the fixed contract come first and are never
 * renamed; fields after {@code env} are additions. Model, workload and client are enums here and their
 * ids in JSON; {@code client} is recorded for work that calls the backend, and absent otherwise.
 *
 * <p>{@code throughputPerSec} is the mean of the measured windows (over every fork), with its 95%
 * interval in {@code throughputLowPerSec} and {@code throughputHighPerSec}; latency percentiles come
 * from the windows' histograms merged ({@code latencyHistogram}, HdrHistogram's compressed form).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"model", "workload", "tasks", "concurrency", "wallMillis", "throughputPerSec", "boundPerSec",
        "efficiency", "latencyMicros", "cpuMillis", "peakThreads", "peakRssMb", "errors", "env",
        "throughputLowPerSec", "throughputHighPerSec", "windows", "forks", "steady"})
public record RunResult(
        Model model,
        WorkloadType workload,
        int tasks,
        int concurrency,
        long wallMillis,
        double throughputPerSec,
        Double boundPerSec,
        Double efficiency,
        LatencySummary latencyMicros,
        long cpuMillis,
        int peakThreads,
        long peakRssMb,
        long errors,
        Environment env,
        // Additions: the interval, how it was measured, what exactly ran, and how the bound was computed.
        Double throughputLowPerSec,
        Double throughputHighPerSec,
        int windows,
        int forks,
        boolean steady,
        long windowMillis,
        List<Double> windowsPerSec,
        int warmupWindows,
        String label,
        String modelSettings,
        int parallelism,
        Integer waitSlots,
        Long latencyMillis,
        Integer workUnits,
        Integer bytes,
        Integer dbPool,
        Integer dbBulkhead,
        String query,
        String boundRule,
        Bound.Limit boundLimit,
        Double cpuNanosPerUnit,
        long checksum,
        long warmupMillis,
        long warmupTasks,
        Long backendCpuMillis,
        Double coresBusy,
        String firstError,
        String cpus,
        String latencyHistogram,
        boolean valid,
        Integer calls,
        Client client) {

    /**
     * Builds the record of one finished run (one fork) from its measured {@code outcome} and the
     * {@code windows} it was measured in; {@code client} is the kind its backend calls were made with.
     */
    public static RunResult of(String label, ExecutionModel model, Workload workload, Experiment.Outcome outcome,
                               Experiment.Windows windows, Bound bound, double nanosPerUnit, long warmupTasks,
                               Long backendCpuMillis, DbSettings db, String cpus, Environment env, Client client) {
        Interval interval = windows.throughput();
        double throughput = interval.mean();
        Long latencyMillis = null;
        Integer units = null;
        Integer bytes = null;
        String query = null;
        Integer calls = null;
        switch (workload) {
            case Workload.Sleep s -> latencyMillis = s.latencyMillis();
            case Workload.Http h -> {
                latencyMillis = h.latencyMillis();
                bytes = h.bytes();
            }
            case Workload.Cpu c -> units = c.units();
            case Workload.Db d -> {
                latencyMillis = d.latencyMillis();
                query = d.query().id();
            }
            case Workload.Mixed m -> {
                latencyMillis = m.http().latencyMillis();
                bytes = m.http().bytes();
                units = m.cpu().units();
            }
            case Workload.FanOut f -> {
                latencyMillis = f.latencyMillis();
                bytes = f.bytes();
                calls = f.calls();
            }
        }
        return new RunResult(
                model.model(), workload.type(), outcome.tasks(), outcome.concurrency(),
                outcome.wallNanos() / 1_000_000, round(throughput), finite(round(bound.perSecond())),
                finite(round3(bound.efficiency(throughput))), LatencySummary.of(outcome.latencyMicros()),
                outcome.cpuMillis(), outcome.peakThreads(), outcome.peakRssMb(), outcome.errors(), env,
                finite(round(interval.low())), finite(round(interval.high())), windows.measuredPerSec().length, 1,
                windows.steady(), windows.windowMillis(), rounded(windows.measuredPerSec()), windows.warmupPerSec().length,
                label, model.describe(), model.parallelism(),
                model.model().waitHoldsAThread() ? model.parallelism() : null, latencyMillis, units, bytes,
                db == null ? null : db.poolSize(), db == null ? null : db.bulkhead(), query, bound.rule(), bound.limit(),
                units == null ? null : round3(nanosPerUnit), outcome.checksum(), windows.warmupMillis(), warmupTasks,
                // Pinned, the backend runs on CPUs of its own: busy is then this process's share of its own CPUs.
                backendCpuMillis, coresBusy(outcome.cpuMillis(), cpus == null ? backendCpuMillis : null, outcome.wallNanos(), env.cores()),
                outcome.firstError(), cpus, encode(outcome.latencyMicros()), outcome.errors() == 0, calls,
                workload.type().needsBackend() ? client : null);
    }

    /**
     * One row from the same run repeated in several JVMs (forks): the interval over every measured window
     * of every fork, latency from their histograms merged, counts and CPU time added, peaks the highest.
     */
    public static RunResult merge(List<RunResult> forks) {
        if (forks.size() == 1) {
            return forks.get(0);
        }
        RunResult first = forks.get(0);
        double[] pooled = forks.stream().flatMap(r -> r.windowsPerSec().stream()).mapToDouble(Double::doubleValue).toArray();
        Interval interval = Interval.of(pooled);
        Histogram latency = new Histogram(3);
        for (RunResult r : forks) {
            latency.add(decode(r.latencyHistogram()));
        }
        long wall = forks.stream().mapToLong(RunResult::wallMillis).sum();
        long cpu = forks.stream().allMatch(r -> r.cpuMillis() >= 0) ? forks.stream().mapToLong(RunResult::cpuMillis).sum() : -1;
        Long backendCpu = forks.stream().allMatch(r -> r.backendCpuMillis() != null)
                ? forks.stream().mapToLong(RunResult::backendCpuMillis).sum() : null;
        long errors = forks.stream().mapToLong(RunResult::errors).sum();
        Double efficiency = first.boundPerSec() == null ? null : round3(interval.mean() / first.boundPerSec());
        return new RunResult(first.model(), first.workload(), forks.stream().mapToInt(RunResult::tasks).sum(),
                first.concurrency(), wall, round(interval.mean()), first.boundPerSec(), efficiency, LatencySummary.of(latency),
                cpu, forks.stream().mapToInt(RunResult::peakThreads).max().orElseThrow(),
                forks.stream().mapToLong(RunResult::peakRssMb).max().orElseThrow(), errors, first.env(),
                finite(round(interval.low())), finite(round(interval.high())), pooled.length, forks.size(),
                forks.stream().allMatch(RunResult::steady), first.windowMillis(), rounded(pooled),
                forks.stream().mapToInt(RunResult::warmupWindows).max().orElseThrow(), first.label(), first.modelSettings(),
                first.parallelism(), first.waitSlots(), first.latencyMillis(), first.workUnits(), first.bytes(), first.dbPool(),
                first.dbBulkhead(), first.query(), first.boundRule(), first.boundLimit(), first.cpuNanosPerUnit(),
                forks.stream().mapToLong(RunResult::checksum).sum(),
                forks.stream().mapToLong(RunResult::warmupMillis).max().orElseThrow(),
                forks.stream().mapToLong(RunResult::warmupTasks).sum(), backendCpu,
                cpu < 0 ? null : coresBusy(cpu, first.cpus() == null ? backendCpu : null, wall * 1_000_000, first.env().cores()),
                forks.stream().map(RunResult::firstError).filter(e -> e != null).findFirst().orElse(null), first.cpus(),
                encode(latency), errors == 0, first.calls(), first.client());
    }

    /** The same run under another label, e.g. {@code "virtual, lean"} where one table shows both clients. */
    public RunResult labelled(String newLabel) {
        return new RunResult(model, workload, tasks, concurrency, wallMillis, throughputPerSec, boundPerSec, efficiency,
                latencyMicros, cpuMillis, peakThreads, peakRssMb, errors, env, throughputLowPerSec, throughputHighPerSec, windows,
                forks, steady, windowMillis, windowsPerSec, warmupWindows, newLabel, modelSettings, parallelism, waitSlots,
                latencyMillis, workUnits, bytes, dbPool, dbBulkhead, query, boundRule, boundLimit, cpuNanosPerUnit, checksum,
                warmupMillis, warmupTasks, backendCpuMillis, coresBusy, firstError, cpus, latencyHistogram, valid, calls, client);
    }

    /** The throughput's 95% interval (none with a single measured window). */
    public Interval throughput() {
        return new Interval(throughputPerSec, throughputLowPerSec == null ? Double.NaN : throughputLowPerSec,
                throughputHighPerSec == null ? Double.NaN : throughputHighPerSec, windows);
    }

    /** The measured latency distribution, decoded (empty when the result carries none). */
    public Histogram latencyDistribution() {
        return latencyHistogram == null ? new Histogram(3) : decode(latencyHistogram);
    }

    /** CPU time of the model's process per task that completed, in microseconds (NaN when unknown). */
    public double cpuMicrosPerTask() {
        return cpuMillis < 0 || tasks == 0 ? Double.NaN : cpuMillis * 1000.0 / tasks;
    }

    /** How busy the machine's cores were: (this process's + the backend's CPU time) / (wall time x cores). */
    private static Double coresBusy(long cpuMillis, Long backendCpuMillis, long wallNanos, int cores) {
        if (cpuMillis < 0 || wallNanos == 0) {
            return null;
        }
        double cpu = cpuMillis + (backendCpuMillis == null ? 0 : backendCpuMillis);
        return round3(cpu * 1e6 / (wallNanos * (double) cores));
    }

    private static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    private static Histogram decode(String base64) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new IllegalArgumentException("latencyHistogram is not an HdrHistogram in compressed base64: " + e.getMessage(), e);
        }
    }

    private static List<Double> rounded(double[] values) {
        return Arrays.stream(values).map(RunResult::round).boxed().toList();
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 10) / 10.0 : v;
    }

    private static double round3(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : v;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
