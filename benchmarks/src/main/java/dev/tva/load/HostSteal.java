package dev.tva.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The share of this machine's CPU time that its host took: Linux's steal time, the {@code steal} column of
 * {@code /proc/stat}'s {@code cpu} line, counted while a virtual CPU had work and the hypervisor ran something
 * else instead.
 *
 * <p>On a virtual machine a run can be slow with nothing wrong in the generator, the server or the backend: the
 * host gave their CPUs to another guest. No figure measured inside the machine shows that but this one, so
 * a run records it beside its results. It is a share of all ticks of all CPUs over an interval, so it needs
 * neither the tick length nor the number of CPUs.
 */
public final class HostSteal {
    private static final Path PROC_STAT = Path.of("/proc/stat");
    /** Index of {@code steal} among the numbers after {@code cpu}: user nice system idle iowait irq softirq steal. */
    private static final int STEAL = 7;

    private HostSteal() {
    }

    /**
     * The machine's CPU ticks at one moment: {@code steal} of {@code total}. {@link #UNKNOWN} where the
     * system does not tell.
     */
    public record Ticks(long steal, long total) {
        /** Where {@code /proc/stat} cannot be read or has no steal column. */
        public static final Ticks UNKNOWN = new Ticks(-1, -1);

        /** The percentage of the CPU ticks since {@code earlier} that the host took; null when either is unknown or no tick passed. */
        public Double percentSince(Ticks earlier) {
            if (total < 0 || earlier.total < 0 || total <= earlier.total) {
                return null;
            }
            return 100.0 * (steal - earlier.steal) / (total - earlier.total);
        }
    }

    /** Reads the machine's ticks now. */
    public static Ticks now() {
        try {
            return parse(Files.readAllLines(PROC_STAT));
        } catch (IOException e) {
            return Ticks.UNKNOWN;
        }
    }

    /**
     * The ticks of {@code /proc/stat}'s first line, {@code cpu  user nice system idle iowait irq softirq steal guest guest_nice}.
     * {@code guest} and {@code guest_nice} are already counted in {@code user} and {@code nice}, so the total
     * is the first eight.
     */
    static Ticks parse(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).startsWith("cpu ")) {
            return Ticks.UNKNOWN;
        }
        String[] fields = lines.get(0).substring(4).trim().split("\\s+");
        if (fields.length <= STEAL) {
            return Ticks.UNKNOWN;
        }
        try {
            long total = 0;
            for (int i = 0; i <= STEAL; i++) {
                total += Long.parseLong(fields[i]);
            }
            return new Ticks(Long.parseLong(fields[STEAL]), total);
        } catch (NumberFormatException e) {
            return Ticks.UNKNOWN;
        }
    }
}
