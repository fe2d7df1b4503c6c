package dev.tva.workloads;

/**
 * What one task does. Every execution model runs exactly these specs; only how it waits differs.
 *
 * <p>Specs are immutable records. {@link #forTask(long)} gives each task its own seed so the CPU
 * kernel's checksums differ per task and add up to the same total on every model.
 */
public sealed interface Workload {

    WorkloadType type();

    /** The same spec for task number {@code task}: only CPU work depends on it (its seed). */
    default Workload forTask(long task) {
        return this;
    }

    /** Wait {@code latencyMillis} on a timer: pure waiting, no I/O. */
    record Sleep(long latencyMillis) implements Workload {
        public Sleep {
            Checks.range("latencyMillis", latencyMillis, 0, Limits.MAX_LATENCY_MILLIS);
        }

        @Override
        public WorkloadType type() {
            return WorkloadType.SLEEP;
        }
    }

    /** Call the backend over a real socket; it answers {@code bytes} bytes after {@code latencyMillis}. */
    record Http(long latencyMillis, int bytes) implements Workload {
        public Http {
            Checks.range("latencyMillis", latencyMillis, 0, Limits.MAX_LATENCY_MILLIS);
            Checks.range("bytes", bytes, 0, Limits.MAX_BYTES);
        }

        @Override
        public WorkloadType type() {
            return WorkloadType.HTTP;
        }
    }

    /** Run {@code units} units of the deterministic CPU kernel, seeded with {@code seed}. */
    record Cpu(int units, long seed) implements Workload {
        public Cpu {
            Checks.range("units", units, 0, Limits.MAX_WORK_UNITS);
        }

        @Override
        public WorkloadType type() {
            return WorkloadType.CPU;
        }

        @Override
        public Cpu forTask(long task) {
            return new Cpu(units, task);
        }
    }

    /**
     * A query through the connection pool: {@code select pg_sleep(latency)} (pure waiting in the database)
     * or a read of the few rows of one group of a seeded table (an indexed lookup), chosen by {@code seed}.
     */
    record Db(long latencyMillis, DbQuery query, long seed) implements Workload {
        public Db {
            Checks.range("latencyMillis", latencyMillis, 0, Limits.MAX_LATENCY_MILLIS);
            java.util.Objects.requireNonNull(query, "query");
        }

        @Override
        public WorkloadType type() {
            return WorkloadType.DB;
        }

        @Override
        public Db forTask(long task) {
            return new Db(latencyMillis, query, task);
        }
    }

    /**
     * {@code calls} backend calls at once, each answered with {@code bytes} bytes after {@code latencyMillis},
     * combined into one result (the bytes of all answers); a failed call fails the task and cancels the others.
     */
    record FanOut(int calls, long latencyMillis, int bytes) implements Workload {
        public FanOut {
            Checks.range("calls", calls, 1, Limits.MAX_FANOUT_CALLS);
            Checks.range("latencyMillis", latencyMillis, 0, Limits.MAX_LATENCY_MILLIS);
            Checks.range("bytes", bytes, 0, Limits.MAX_BYTES);
        }

        /** One of the calls. */
        public Http call() {
            return new Http(latencyMillis, bytes);
        }

        @Override
        public WorkloadType type() {
            return WorkloadType.FANOUT;
        }
    }

    /** A backend call, then CPU work on its answer: the shape of a typical request handler. */
    record Mixed(Http http, Cpu cpu) implements Workload {
        @Override
        public WorkloadType type() {
            return WorkloadType.MIXED;
        }

        @Override
        public Mixed forTask(long task) {
            return new Mixed(http, cpu.forTask(task));
        }
    }
}
