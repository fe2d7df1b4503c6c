package dev.tva.report;

import dev.tva.engine.SlowlorisResult.Sample;

import java.util.Locale;

/**
 * What a server holds for a connection whose head is still arriving, decided from the thread counts: a platform
 * thread (jdk-platform, which reads the head on its pool), a virtual thread (jdk-virtual, helidon), or nothing
 * but a buffer (netty: its event loops wait for every connection at once).
 */
public final class SlowlorisVerdict {
    /** What one slowloris connection costs a server while it is open. */
    public enum Holds {
        PLATFORM_THREAD, VIRTUAL_THREAD, BUFFER
    }

    private SlowlorisVerdict() {
    }

    /**
     * A kind of thread is held when the attack added, or parked in a head read, at least a tenth of the
     * connections (at least one): fewer is noise such as a timer or a GC thread. Platform threads decide
     * first: a virtual thread parked on a platform one would not free it.
     */
    public static Holds holds(int connections, Sample idle, Sample attacked) {
        long threshold = Math.max(1, connections / 10);
        long platform = Math.max(attacked.platformThreads() - idle.platformThreads(),
                attacked.platformInHeadRead() - idle.platformInHeadRead());
        long virtual = Math.max(attacked.virtualThreads() - idle.virtualThreads(),
                attacked.virtualInHeadRead() - idle.virtualInHeadRead());
        if (platform >= threshold) {
            return Holds.PLATFORM_THREAD;
        }
        return virtual >= threshold ? Holds.VIRTUAL_THREAD : Holds.BUFFER;
    }

    /** The sentence after the table, from the verdict and the numbers. */
    public static String sentence(String server, int connections, Holds holds, Sample idle, Sample attacked) {
        long rss = attacked.rssMb() - idle.rssMb();
        return switch (holds) {
            case PLATFORM_THREAD -> String.format(Locale.ROOT, "%s: %,d slowloris connections held %+,d platform threads "
                    + "(%,d parked reading a head) and %+,d MiB: each head being read holds a platform thread, so a pool "
                    + "runs out before the connections do.", server, connections,
                    attacked.platformThreads() - idle.platformThreads(), attacked.platformInHeadRead(), rss);
            case VIRTUAL_THREAD -> String.format(Locale.ROOT, "%s: %,d slowloris connections held %+,d virtual threads "
                    + "(%,d parked reading a head) and %+,d MiB, but %+,d platform threads: a parked virtual thread is "
                    + "memory, not a pool slot.", server, connections, attacked.virtualThreads() - idle.virtualThreads(),
                    attacked.virtualInHeadRead(), rss, attacked.platformThreads() - idle.platformThreads());
            case BUFFER -> String.format(Locale.ROOT, "%s: %,d slowloris connections held no thread (%+,d platform, "
                    + "%+,d virtual) and %+,d MiB: the event loops wait for all of them at once; each costs a "
                    + "socket and the head's buffer.", server, connections, attacked.platformThreads() - idle.platformThreads(),
                    attacked.virtualThreads() - idle.virtualThreads(), rss);
        };
    }
}
