package dev.tva.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * How this machine's Linux kernel preempts: whether a thread woken for the lab (a generator's event loop, say) can
 * take a CPU from work running inside the kernel, or waits until that work gives it up, and how often the scheduler's
 * tick comes. A kernel built with {@code none} lets a kernel thread such as DAMON's keep a CPU for its whole pass.
 *
 * <p>Read, in order, from the scheduler's own file ({@code /sys/kernel/debug/sched/preempt}, where debugfs is mounted:
 * the active mode is the one in parentheses), a {@code preempt=} boot parameter, and the kernel's build configuration
 * ({@code /proc/config.gz}). Null fields where nothing says.
 *
 * @param mode   {@code none}, {@code voluntary}, {@code full} or {@code lazy}; null when unknown
 * @param hz     the scheduler's tick per second ({@code CONFIG_HZ}); null when unknown
 * @param source the file the mode came from
 */
public record KernelPreemption(String mode, Integer hz, String source) {
    private static final Path DEBUGFS = Path.of("/sys/kernel/debug/sched/preempt");
    private static final Path CMDLINE = Path.of("/proc/cmdline");
    private static final Path CONFIG = Path.of("/proc/config.gz");
    private static final Pattern ACTIVE = Pattern.compile("\\((\\w+)\\)");
    private static final Pattern BOOT = Pattern.compile("(?:^|\\s)preempt=(\\w+)");
    private static final Pattern HZ = Pattern.compile("^CONFIG_HZ=(\\d+)$");

    /** This machine's, read now. */
    public static KernelPreemption read() {
        List<String> config = readConfig();
        Integer hz = hz(config);
        String active = readString(DEBUGFS);
        if (active != null) {
            Matcher m = ACTIVE.matcher(active);
            if (m.find()) {
                return new KernelPreemption(m.group(1), hz, DEBUGFS.toString());
            }
        }
        String cmdline = readString(CMDLINE);
        if (cmdline != null) {
            Matcher m = BOOT.matcher(cmdline);
            if (m.find()) {
                return new KernelPreemption(m.group(1), hz, CMDLINE + " (preempt=)");
            }
        }
        String built = built(config);
        return new KernelPreemption(built, hz, built == null ? null : CONFIG.toString());
    }

    /**
     * The mode the kernel was built with, from its configuration's lines: the one {@code CONFIG_PREEMPT_*} choice set
     * to {@code y} ({@code CONFIG_PREEMPT=y} is {@code full}); null when none is.
     */
    static String built(List<String> config) {
        for (String line : config) {
            switch (line.strip()) {
                case "CONFIG_PREEMPT_NONE=y" -> {
                    return "none";
                }
                case "CONFIG_PREEMPT_VOLUNTARY=y" -> {
                    return "voluntary";
                }
                case "CONFIG_PREEMPT=y" -> {
                    return "full";
                }
                case "CONFIG_PREEMPT_LAZY=y" -> {
                    return "lazy";
                }
                default -> {
                }
            }
        }
        return null;
    }

    static Integer hz(List<String> config) {
        for (String line : config) {
            Matcher m = HZ.matcher(line.strip());
            if (m.matches()) {
                return Integer.valueOf(m.group(1));
            }
        }
        return null;
    }

    private static List<String> readConfig() {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(CONFIG))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
