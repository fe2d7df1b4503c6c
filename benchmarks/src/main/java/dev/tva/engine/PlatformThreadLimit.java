package dev.tva.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How many platform threads this machine allows, from the kernel's limits (Linux): every thread takes a
 * pid (kernel.pid_max, system-wide), counts against kernel.threads-max and the user's process limit,
 * and its stack takes two memory maps (vm.max_map_count). The footprint experiment stays below 90% of
 * the lowest, so it does not starve the rest of the machine of threads.
 */
public final class PlatformThreadLimit {
    static final double SHARE = 0.9;

    private PlatformThreadLimit() {
    }

    /** Null when {@code threads} platform threads fit; otherwise why not, in one line. */
    public static String check(int threads) {
        List<String> reasons = new ArrayList<>();
        long lowest = Long.MAX_VALUE;
        long pidMax = read("/proc/sys/kernel/pid_max");
        long threadsMax = read("/proc/sys/kernel/threads-max");
        long maps = read("/proc/sys/vm/max_map_count");
        long nproc = processLimit();
        if (pidMax > 0) {
            lowest = Math.min(lowest, pidMax);
            reasons.add(String.format(Locale.ROOT, "kernel.pid_max %,d (every thread takes a pid, machine-wide)", pidMax));
        }
        if (threadsMax > 0) {
            lowest = Math.min(lowest, threadsMax);
            reasons.add(String.format(Locale.ROOT, "kernel.threads-max %,d", threadsMax));
        }
        if (maps > 0) {
            lowest = Math.min(lowest, maps / 2);
            reasons.add(String.format(Locale.ROOT, "vm.max_map_count %,d (2 maps per thread stack: %,d threads)", maps, maps / 2));
        }
        if (nproc > 0) {
            lowest = Math.min(lowest, nproc);
            reasons.add(String.format(Locale.ROOT, "ulimit -u %,d", nproc));
        }
        if (lowest == Long.MAX_VALUE || threads <= lowest * SHARE) {
            return null;
        }
        return String.format(Locale.ROOT, "%,d platform threads do not fit here: %s; the lab stops at %.0f%% of the lowest (%,d)",
                threads, String.join(", ", reasons), SHARE * 100, (long) (lowest * SHARE));
    }

    private static long read(String file) {
        try {
            return Long.parseLong(Files.readAllLines(Path.of(file)).get(0).trim());  // readString may stop early on /proc
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The soft "Max processes" limit of this process, or -1 when unlimited or unknown. */
    private static long processLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max processes")) {
                    String soft = line.substring("Max processes".length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? -1 : Long.parseLong(soft);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
