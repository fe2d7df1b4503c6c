package dev.tva.workloads;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The throughput a workload allows on this machine, whatever the model: Little's law
 * ({@code in flight / latency}) for waiting, {@code cores / CPU cost per task} for computing, the
 * smaller of the two for work that does both. A model's shortfall shows as {@code measured / bound}.
 *
 * @param perSecond the bound in tasks per second ({@code NaN} when the workload has neither wait nor cost)
 * @param rule      how it was computed, in words, e.g. {@code "10000 in flight / 100 ms"}
 * @param limit     what sets it
 */
public record Bound(double perSecond, String rule, Limit limit) {

    /** What sets a bound: the one typed answer to "what limits this work", whatever the words of the rule. */
    public enum Limit {
        /** Little's law on the tasks in flight: each waits, and only so many are in flight. */
        IN_FLIGHT("in-flight"),
        /** The cores: CPU work cannot go faster than cores / CPU per task. */
        CORES("cores"),
        /** The connection pool: at most its size of queries run at once. */
        POOL("pool"),
        /** A bulkhead's permits: at most that many tasks ask the pool at once. */
        BULKHEAD("bulkhead"),
        /** A pool of platform threads: at most that many tasks wait at once. */
        THREADS("threads"),
        /** No bound applies (no wait and no CPU cost, or a query whose time is the database's own). */
        NONE("none");

        private final String id;

        Limit(String id) {
            this.id = id;
        }

        @JsonValue
        public String id() {
            return id;
        }

        @JsonCreator
        public static Limit fromId(String id) {
            for (Limit l : values()) {
                if (l.id.equals(id)) {
                    return l;
                }
            }
            throw new IllegalArgumentException("'" + id + "' is not a bound's limit");
        }
    }

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
            case Workload.FanOut f -> waiting(inFlight, f.latencyMillis());  // its calls overlap: one latency per task
            case Workload.Db d -> d.query() == DbQuery.SLEEP
                    ? waiting(inFlight, d.latencyMillis())
                    : new Bound(Double.NaN, "no bound: the database's own time per query", Limit.NONE);
            case Workload.Mixed m -> {
                double cpuNanos = m.cpu().units() * nanosPerUnit;
                double waitNanos = m.http().latencyMillis() * 1e6;
                Bound littles = new Bound(inFlight * 1e9 / (waitNanos + cpuNanos),
                        inFlight + " in flight / " + millis(waitNanos + cpuNanos) + " per task", Limit.IN_FLIGHT);
                Bound cpu = computing(Math.min(cores, inFlight), cpuNanos);
                yield littles.perSecond() <= cpu.perSecond() ? littles : cpu;
            }
        };
    }

    /**
     * The bound of database work when at most {@code connections} queries can run at once (the pool,
     * a bulkhead, or a pool of platform threads, whichever is smallest): Little's law on that.
     */
    public static Bound database(Workload.Db workload, int tasks, int concurrency, int connections, Limit limit,
                                 String limitedBy) {
        int inFlight = Math.min(Math.min(tasks, concurrency), connections);
        Bound bound = of(workload, inFlight, inFlight, 1, 0);
        return inFlight < Math.min(tasks, concurrency) && bound.limit() == Limit.IN_FLIGHT
                ? new Bound(bound.perSecond(), bound.rule().replace(" in flight", " " + limitedBy), limit)
                : bound;
    }

    /** {@code measured / bound}, or NaN without a bound. */
    public double efficiency(double measuredPerSecond) {
        return perSecond > 0 && Double.isFinite(perSecond) ? measuredPerSecond / perSecond : Double.NaN;
    }

    private static Bound waiting(int inFlight, long latencyMillis) {
        if (latencyMillis == 0) {
            return new Bound(Double.NaN, "no bound: zero latency", Limit.NONE);
        }
        return new Bound(inFlight * 1000.0 / latencyMillis, inFlight + " in flight / " + latencyMillis + " ms", Limit.IN_FLIGHT);
    }

    private static Bound computing(int cores, double nanosPerTask) {
        if (nanosPerTask <= 0) {
            return new Bound(Double.NaN, "no bound: zero work", Limit.NONE);
        }
        return new Bound(cores * 1e9 / nanosPerTask, cores + " cores / " + millis(nanosPerTask) + " CPU per task", Limit.CORES);
    }

    private static String millis(double nanos) {
        return String.format("%.2f ms", nanos / 1e6);
    }
}
