package dev.tva.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The share of this machine's CPU time that Linux's data-access monitor took: DAMON's kernel threads
 * ({@code kdamond.N}), which some machines run to find cold memory and page it out.
 *
 * <p>Such a thread is the machine's, not the lab's, and on a kernel built without preemption it keeps a CPU for
 * as long as each pass takes: a scheduler trace of a load run on a 2-core VM found it running up to 21 ms at a
 * stretch, every half second, while the generator's event loops waited for that CPU and their requests went late
 * ({@code docs/servers.md}). No figure of the generator's own shows it, so a run records it beside its results, as it
 * does the host's steal time. Like {@link HostSteal} it is a share of all ticks of all CPUs over an interval: both
 * files count in the same clock ticks, so it needs neither their length nor the number of CPUs.
 */
public final class KernelMonitor {
    /** Where a run that saw the monitor take the CPU points its reader. */
    public static final String WHERE_TO_LOOK = "'./lab machine' shows it, './lab machine quiet' stops it for a measurement";
    private static final Path PROC = Path.of("/proc");
    private static final String THREAD_NAME = "kdamond";
    /** {@code utime} and {@code stime} are fields 14 and 15 of {@code /proc/PID/stat}; counted from 0 after the name's ')', 11 and 12. */
    private static final int UTIME_AFTER_NAME = 11;

    private KernelMonitor() {
    }

    /**
     * Whether a run's generator fell behind ({@link Fault#GENERATOR_BEHIND} among {@code faults}) while the monitor took
     * some of the CPU ({@code percent}; null when none ran): then the run points its reader to {@link #WHERE_TO_LOOK}.
     */
    public static boolean tookTheCpuWhileBehind(Double percent, Collection<Fault> faults) {
        return percent != null && percent > 0 && faults.contains(Fault.GENERATOR_BEHIND);
    }

    /**
     * DAMON's threads and their CPU ticks at one moment, with the machine's total ticks. {@link #NONE} where the
     * machine runs no such thread or does not tell.
     */
    public record Ticks(List<Path> threads, long monitor, long total) {
        /** No DAMON thread, or no {@code /proc} to read. */
        public static final Ticks NONE = new Ticks(List.of(), -1, -1);

        /**
         * The percentage of the machine's CPU ticks since {@code earlier} that the same threads took; null when either
         * reading found none or no tick passed. A thread that went away in between counts as none.
         */
        public Double percentSince(Ticks earlier) {
            if (monitor < 0 || earlier.monitor < 0 || total <= earlier.total || !threads.equals(earlier.threads)) {
                return null;
            }
            return 100.0 * Math.max(0, monitor - earlier.monitor) / (total - earlier.total);
        }
    }

    /** Finds DAMON's threads and reads their ticks, and the machine's, now. */
    public static Ticks now() {
        return read(find());
    }

    /** Reads the ticks of the threads {@code earlier} found, and the machine's, now: no walk of {@code /proc}. */
    public static Ticks again(Ticks earlier) {
        return earlier.threads().isEmpty() ? Ticks.NONE : read(earlier.threads());
    }

    private static Ticks read(List<Path> statFiles) {
        if (statFiles.isEmpty()) {
            return Ticks.NONE;
        }
        long total = HostSteal.now().total();
        long monitor = 0;
        try {
            for (Path stat : statFiles) {
                long ticks = ticks(Files.readString(stat));
                if (ticks < 0) {
                    return Ticks.NONE;
                }
                monitor += ticks;
            }
        } catch (IOException e) {
            return Ticks.NONE;
        }
        return total < 0 ? Ticks.NONE : new Ticks(statFiles, monitor, total);
    }

    /** The {@code /proc/PID/stat} files of the processes whose name starts with {@code kdamond}; empty when none. */
    private static List<Path> find() {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(PROC, p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path pid : pids) {
                try {
                    if (Files.readString(pid.resolve("comm")).startsWith(THREAD_NAME)) {
                        found.add(pid.resolve("stat"));
                    }
                } catch (IOException e) {
                    // gone meanwhile, or not ours to read
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        found.sort(null);
        return List.copyOf(found);
    }

    /**
     * {@code utime + stime} of one {@code /proc/PID/stat} line, {@code PID (NAME) STATE PPID ... UTIME STIME ...}; the name
     * may hold spaces and parentheses, so the fields are counted after its last ')'. -1 when the line is not of that form.
     */
    static long ticks(String statLine) {
        int close = statLine.lastIndexOf(')');
        if (close < 0) {
            return -1;
        }
        String[] fields = statLine.substring(close + 1).trim().split("\\s+");
        if (fields.length <= UTIME_AFTER_NAME + 1) {
            return -1;
        }
        try {
            return Long.parseLong(fields[UTIME_AFTER_NAME]) + Long.parseLong(fields[UTIME_AFTER_NAME + 1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
