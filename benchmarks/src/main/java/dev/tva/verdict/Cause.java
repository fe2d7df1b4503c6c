package dev.tva.verdict;

/** Why a row measured what it did: the typed causes a "what to notice" sentence may give. */
public enum Cause {
    /** It held every task in flight, and Little's law on those set its pace. */
    IN_FLIGHT,
    /** A fixed pool of threads held fewer waits, or used fewer cores, than the work offered. */
    THREADS,
    /** The connection pool let only so many queries run at once. */
    POOL,
    /** A bulkhead let only so many tasks ask the pool at once. */
    BULKHEAD,
    /** The machine's cores were busy: CPU, not waiting, set the pace. */
    CORES,
    /** The warm-up never settled: the numbers are not to be trusted. */
    NOT_STEADY,
    /** The load generator could not keep up: the row measures the generator, not the server. */
    GENERATOR_LIMITED,
    /** Tasks failed: the row is invalid. */
    ERRORS
}
