package dev.tva.verdict;

import dev.tva.workloads.Bound;
import dev.tva.workloads.Environment;
import dev.tva.workloads.LatencySummary;
import dev.tva.workloads.Model;
import dev.tva.workloads.RunResult;
import dev.tva.workloads.WorkloadType;

import java.util.List;

/** Made-up results for the verdict tests: only the fields a verdict reads are set with care. */
final class Synthetic {
    private static final Environment TWO_CORES = new Environment("test JDK", "test OS", 2, 24_000, "0000000", "2026-11-30");

    private final Model model;
    private final String label;
    private final WorkloadType workload;
    private double perSec;
    private double halfWidth;
    private Double bound;
    private Bound.Limit limit = Bound.Limit.IN_FLIGHT;
    private String rule = "10000 in flight / 100 ms";
    private int concurrency = 10_000;
    private Long latencyMillis = 100L;
    private int parallelism = 2;
    private Integer waitSlots;
    private Double busy = 0.3;
    private boolean steady = true;
    private long errors;
    private long tasks = 10_000;
    private long cpuMillis = 1_000;

    private Synthetic(Model model, String label, WorkloadType workload) {
        this.model = model;
        this.label = label;
        this.workload = workload;
    }

    static Synthetic row(Model model, WorkloadType workload) {
        String label = switch (model) {
            case PLATFORM -> "platform (200 threads)";
            case VIRTUAL -> "virtual";
            case EVENT_LOOP -> "event-loop (2 loops)";
        };
        Synthetic s = new Synthetic(model, label, workload);
        if (model == Model.PLATFORM) {
            s.parallelism = 200;
            s.waitSlots = 200;
        }
        return s;
    }

    static Synthetic row(Model model, String label, WorkloadType workload) {
        Synthetic s = row(model, workload);
        return new Synthetic(model, label, workload).copyFrom(s);
    }

    private Synthetic copyFrom(Synthetic s) {
        parallelism = s.parallelism;
        waitSlots = s.waitSlots;
        return this;
    }

    /** Throughput {@code mean ± halfWidth}. */
    Synthetic perSec(double mean, double halfWidth) {
        this.perSec = mean;
        this.halfWidth = halfWidth;
        return this;
    }

    Synthetic bound(double perSec, Bound.Limit limit, String rule) {
        this.bound = perSec;
        this.limit = limit;
        this.rule = rule;
        return this;
    }

    Synthetic concurrency(int n) {
        this.concurrency = n;
        return this;
    }

    Synthetic latencyMillis(Long millis) {
        this.latencyMillis = millis;
        return this;
    }

    Synthetic parallelism(int n) {
        this.parallelism = n;
        return this;
    }

    Synthetic busy(double fraction) {
        this.busy = fraction;
        return this;
    }

    Synthetic notSteady() {
        this.steady = false;
        return this;
    }

    Synthetic errors(long n) {
        this.errors = n;
        return this;
    }

    Synthetic cpu(long tasks, long cpuMillis) {
        this.tasks = tasks;
        this.cpuMillis = cpuMillis;
        return this;
    }

    RunResult result() {
        Double efficiency = bound == null ? null : perSec / bound;
        return new RunResult(model, workload, (int) tasks, concurrency, 2_000, perSec, bound, efficiency,
                new LatencySummary(100_000, 100_000, 100_000, 100_000, 100_000), cpuMillis, 10, 100, errors, TWO_CORES,
                halfWidth > 0 ? perSec - halfWidth : null, halfWidth > 0 ? perSec + halfWidth : null, 5, 1, steady, 500,
                List.of(perSec), steady ? 4 : 12, label, label, parallelism, waitSlots, latencyMillis, null, null, null, null,
                null, rule, limit, null, 0, 2_000, 1_000, null, busy, errors > 0 ? "IOException: refused" : null, null,
                null, errors == 0, null, workload.needsBackend() ? dev.tva.workloads.Client.LEAN : null);
    }
}
