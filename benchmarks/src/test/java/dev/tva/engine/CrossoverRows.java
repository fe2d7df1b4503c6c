package dev.tva.engine;

import dev.tva.workloads.Bound;
import dev.tva.workloads.Client;
import dev.tva.workloads.Environment;
import dev.tva.workloads.LatencySummary;
import dev.tva.workloads.Model;
import dev.tva.workloads.RunResult;
import dev.tva.workloads.WorkloadType;

import java.util.List;

/** Made-up runs of a crossover cell for the unit tests: the fields a verdict and the JSON read are set with care. */
public final class CrossoverRows {
    /** Two cores, as on the machines the lab is measured on. */
    public static final Environment TWO_CORES = new Environment("test JDK", "test OS", 2, 24_000, "0000000", "2026-12-01", "ZGC");

    private CrossoverRows() {
    }

    /** {@code model}'s run of a {@code mixed} task waiting {@code waitMillis}, throughput {@code perSec ± halfWidth}. */
    public static RunResult row(Model model, double perSec, double halfWidth, int concurrency, long waitMillis, int units) {
        String label = switch (model) {
            case PLATFORM -> "platform (200 threads)";
            case VIRTUAL -> "virtual";
            case EVENT_LOOP -> "event-loop (2 loops)";
        };
        int parallelism = model == Model.PLATFORM ? 200 : 2;
        double bound = 10_000;
        return new RunResult(model, WorkloadType.MIXED, (int) (perSec * 2), concurrency, 2_000, perSec, bound, perSec / bound,
                new LatencySummary(20_100, 20_500, 21_000, 22_000, 25_000), 1_000, 10, 100, 0, TWO_CORES,
                perSec - halfWidth, perSec + halfWidth, 4, 1, true, 500, List.of(perSec - halfWidth / 2, perSec + halfWidth / 2, perSec, perSec),
                4, label, label, parallelism, model == Model.PLATFORM ? 200 : null, waitMillis, units, 16, null, null, null,
                concurrency + " in flight / 20.00 ms per task", Bound.Limit.IN_FLIGHT, 11_780.0, 42, 2_000, 1_000, 300L, 0.5,
                null, null, null, true, null, Client.LEAN);
    }

    /** The same run, marked as never settled in its warm-up. */
    public static RunResult notSteady(RunResult r) {
        return new RunResult(r.model(), r.workload(), r.tasks(), r.concurrency(), r.wallMillis(), r.throughputPerSec(), r.boundPerSec(),
                r.efficiency(), r.latencyMicros(), r.cpuMillis(), r.peakThreads(), r.peakRssMb(), r.errors(), r.env(),
                r.throughputLowPerSec(), r.throughputHighPerSec(), r.windows(), r.forks(), false, r.windowMillis(), r.windowsPerSec(),
                r.warmupWindows(), r.label(), r.modelSettings(), r.parallelism(), r.waitSlots(), r.latencyMillis(), r.workUnits(),
                r.bytes(), r.dbPool(), r.dbBulkhead(), r.query(), r.boundRule(), r.boundLimit(), r.cpuNanosPerUnit(), r.checksum(),
                r.warmupMillis(), r.warmupTasks(), r.backendCpuMillis(), r.coresBusy(), r.firstError(), r.cpus(), r.latencyHistogram(),
                r.valid(), r.calls(), r.client());
    }

    /** A cell at {@code share} and {@code concurrency} with one run per model at these throughputs (each ± 2%). */
    public static CrossoverResult.Cell cell(double share, int concurrency, double platform, double virtual, double eventLoop) {
        return new CrossoverResult.Cell(share, 20, 2, 23.56, concurrency, List.of(
                row(Model.PLATFORM, platform, platform * 0.02, concurrency, 20, 2),
                row(Model.VIRTUAL, virtual, virtual * 0.02, concurrency, 20, 2),
                row(Model.EVENT_LOOP, eventLoop, eventLoop * 0.02, concurrency, 20, 2)));
    }
}
