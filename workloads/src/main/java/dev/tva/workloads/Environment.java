package dev.tva.workloads;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

/** Where a result was measured: every result file carries one, so a number never travels without it. */
public record Environment(String jdk, String os, int cores, long memoryMb, String commit, String date, String gc) {

    /** An environment whose garbage collector is not recorded. */
    public Environment(String jdk, String os, int cores, long memoryMb, String commit, String date) {
        this(jdk, os, cores, memoryMb, commit, date, null);
    }

    /** Describes this JVM and machine now. */
    public static Environment current() {
        String jdk = System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version");
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
        long memoryMb = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os2) {
            memoryMb = os2.getTotalMemorySize() / (1024 * 1024);
        }
        String gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).collect(java.util.stream.Collectors.joining(", "));
        return new Environment(jdk, os, Runtime.getRuntime().availableProcessors(), memoryMb, gitCommit(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), gc);
    }

    /** One line for table footers: {@code JDK ..., N cores, M GiB, Linux ...}. */
    public String oneLine() {
        return String.format("%s, %d cores, %.0f GiB RAM, %s, commit %s%s", jdk, cores, memoryMb / 1024.0, os, commit,
                gc == null ? "" : ", GC: " + gc);
    }

    /** The working tree's commit, with {@code -dirty} when it has uncommitted changes; "unknown" outside git. */
    private static String gitCommit() {
        String head = git("rev-parse", "--short=12", "HEAD");
        if (head.isEmpty()) {
            return "unknown";
        }
        String status = git("status", "--porcelain", "--untracked-files=no");
        return status.isEmpty() ? head : head + "-dirty";
    }

    private static String git(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "";
            }
            return new String(out, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
