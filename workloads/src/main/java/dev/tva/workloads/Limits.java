package dev.tva.workloads;

/** The documented maxima of every workload parameter; inputs outside them are rejected. */
public final class Limits {
    /** Longest wait a task may ask for: one minute. */
    public static final long MAX_LATENCY_MILLIS = 60_000;
    /** Largest backend answer: 1 MiB. */
    public static final int MAX_BYTES = 1 << 20;
    /** Most CPU kernel units per task (about a second of CPU on a laptop core). */
    public static final int MAX_WORK_UNITS = 100_000;
    /** Most backend calls of one fan-out. */
    public static final int MAX_FANOUT_CALLS = 100;

    private Limits() {
    }
}
