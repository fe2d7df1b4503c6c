package dev.tva.workloads;

/**
 * The throughput a workload allows on this machine, whatever the model: Little's law
 * ({@code in flight / latency}) for waiting, {@code cores / CPU cost per task} for computing, the
 * smaller of the two for work that does both. A model's shortfall shows as {@code measured / bound}.
 *
 * @param perSecond the bound in tasks per second ({@code NaN} when the workload has neither wait nor cost)
 * @param rule      how it was computed, in words, e.g. {@code "10000 in flight / 100 ms"}
 */
public record Bound(double perSecond, String rule) {

    /**
     * @param nanosPerUnit single-thread cost of one CPU kernel unit on this machine
     *                     ({@link CpuKernel#nanosPerUnit}); only used by CPU work
     */
    public static Bound of(Workload workload, int tasks, int concurrency, int cores, double nanosPerUnit) {
        int inFlight = Math.min(tasks, concurrency);
        return switch (workload) {
            case Workload.Sleep s -> waiting(inFlight, s.latencyMillis());
            case Workload.Http h -> waiting(inFlight, h.latencyMillis());
            case Workload.Cpu c -> computing(Math.min(cores, inFlight), c.units() * nanosPerUnit);
            case Workload.Db d -> d.query() == DbQuery.SLEEP
                    ? waiting(inFlight, d.latencyMillis())
                    : new Bound(Double.NaN, "no bound: the database's own time per query");
            case Workload.Mixed m -> {
                double cpuNanos = m.cpu().units() * nanosPerUnit;
                double waitNanos = m.http().latencyMillis() * 1e6;
                Bound littles = new Bound(inFlight * 1e9 / (waitNanos + cpuNanos),
                        inFlight + " in flight / " + millis(waitNanos + cpuNanos) + " per task");
                Bound cpu = computing(Math.min(cores, inFlight), cpuNanos);
                yield littles.perSecond() <= cpu.perSecond() ? littles : cpu;
            }
        };
    }

    /**
     * The bound of database work when at most {@code connections} queries can run at once (the pool,
     * a bulkhead, or a pool of platform threads, whichever is smallest): Little's law on that.
     */
    public static Bound database(Workload.Db workload, int tasks, int concurrency, int connections, String limitedBy) {
        int inFlight = Math.min(Math.min(tasks, concurrency), connections);
        Bound bound = of(workload, inFlight, inFlight, 1, 0);
        return inFlight < Math.min(tasks, concurrency)
                ? new Bound(bound.perSecond(), bound.rule().replace(" in flight", " " + limitedBy))
                : bound;
    }

    /** {@code measured / bound}, or NaN without a bound. */
    public double efficiency(double measuredPerSecond) {
        return perSecond > 0 && Double.isFinite(perSecond) ? measuredPerSecond / perSecond : Double.NaN;
    }

    private static Bound waiting(int inFlight, long latencyMillis) {
        if (latencyMillis == 0) {
            return new Bound(Double.NaN, "no bound: zero latency");
        }
        return new Bound(inFlight * 1000.0 / latencyMillis, inFlight + " in flight / " + latencyMillis + " ms");
    }

    private static Bound computing(int cores, double nanosPerTask) {
        if (nanosPerTask <= 0) {
            return new Bound(Double.NaN, "no bound: zero work");
        }
        return new Bound(cores * 1e9 / nanosPerTask, cores + " cores / " + millis(nanosPerTask) + " CPU per task");
    }

    private static String millis(double nanos) {
        return String.format("%.2f ms", nanos / 1e6);
    }
}
