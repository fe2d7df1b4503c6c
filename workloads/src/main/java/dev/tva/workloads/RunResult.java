package dev.tva.workloads;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One run, as written to results JSON. The fields up to {@code env} come first, are a fixed contract and
 * are never renamed; fields after {@code env} are additions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"model", "workload", "tasks", "concurrency", "wallMillis", "throughputPerSec", "boundPerSec",
        "efficiency", "latencyMicros", "cpuMillis", "peakThreads", "peakRssMb", "errors", "env"})
public record RunResult(
        String model,
        String workload,
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
        // Additions: what exactly ran, and how the bound was computed.
        String label,
        String modelSettings,
        int parallelism,
        Long latencyMillis,
        Integer workUnits,
        Integer bytes,
        Integer dbPool,
        Integer dbBulkhead,
        String query,
        String boundRule,
        Double cpuNanosPerUnit,
        long checksum,
        long warmupMillis,
        long warmupTasks,
        Long backendCpuMillis,
        Double coresBusy,
        String firstError,
        boolean valid) {

    /** Builds the record of a finished run. */
    public static RunResult of(String label, ExecutionModel model, Workload workload, Experiment.Outcome outcome,
                               Bound bound, double nanosPerUnit, long warmupMillis, long warmupTasks,
                               Long backendCpuMillis, DbSettings db, Environment env) {
        double throughput = outcome.throughputPerSec();
        Long latencyMillis = null;
        Integer units = null;
        Integer bytes = null;
        String query = null;
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
        }
        return new RunResult(
                model.model().id(), workload.type().id(), outcome.tasks(), outcome.concurrency(),
                outcome.wallNanos() / 1_000_000, round(throughput), finite(round(bound.perSecond())),
                finite(round3(bound.efficiency(throughput))), LatencySummary.of(outcome.latencyMicros()),
                outcome.cpuMillis(), outcome.peakThreads(), outcome.peakRssMb(), outcome.errors(), env,
                label, model.describe(), model.parallelism(), latencyMillis, units, bytes,
                db == null ? null : db.poolSize(), db == null ? null : db.bulkhead(), query, bound.rule(),
                units == null ? null : round3(nanosPerUnit), outcome.checksum(), warmupMillis, warmupTasks,
                backendCpuMillis, coresBusy(outcome, backendCpuMillis, env.cores()), outcome.firstError(),
                outcome.errors() == 0);
    }

    /** How busy the machine's cores were: (this process's + the backend's CPU time) / (wall time x cores). */
    private static Double coresBusy(Experiment.Outcome outcome, Long backendCpuMillis, int cores) {
        if (outcome.cpuMillis() < 0 || outcome.wallNanos() == 0) {
            return null;
        }
        double cpu = outcome.cpuMillis() + (backendCpuMillis == null ? 0 : backendCpuMillis);
        return round3(cpu * 1e6 / (outcome.wallNanos() * (double) cores));
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
