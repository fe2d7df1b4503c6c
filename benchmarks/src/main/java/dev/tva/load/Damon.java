package dev.tva.load;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Linux's data-access monitor (DAMON) as its sysfs admin interface shows it: each {@code kdamonds/N} folder is one
 * monitor, its {@code state} file reads {@code on} or {@code off}, and writing {@code off} or {@code on} to it stops or
 * starts that monitor's kernel thread with the settings in the folder.
 *
 * <p>The lab stops DAMON only when asked ({@code lab machine quiet}), and remembers which monitors it stopped so that
 * {@code lab machine restore} starts those again and no other. Its pageout passes take a CPU for up to tens of
 * milliseconds on a kernel without preemption ({@link KernelMonitor}), which is why a measurement may want them gone.
 *
 * @param admin the admin folder, {@code /sys/kernel/mm/damon/admin} on a real machine
 */
public record Damon(Path admin) {
    /** Where a kernel built with DAMON's sysfs interface shows it. */
    public static final Path SYSFS = Path.of("/sys/kernel/mm/damon/admin");

    public Damon {
        Objects.requireNonNull(admin, "admin");
    }

    /**
     * One monitor.
     *
     * @param name       its folder under {@code kdamonds}: {@code 0}, {@code 1}, ...
     * @param state      {@code on} or {@code off} as its {@code state} file says; null when this process may not read
     *                   it (the files are root's alone)
     * @param pid        its thread's pid, -1 when off or unknown
     * @param operations what its first context monitors ({@code paddr}: physical memory; {@code vaddr}: a process), or null
     * @param actions    the actions of its first context's schemes ({@code pageout}, ...), in order
     */
    public record Monitor(String name, String state, long pid, String operations, List<String> actions) {
        /** Whether its thread runs, as far as this process can read. */
        public boolean on() {
            return "on".equals(state);
        }

        /** Whether this process could read its state. */
        public boolean readable() {
            return state != null;
        }
    }

    /** The monitors, in folder order; empty when this kernel has no DAMON sysfs interface or none is set up. */
    public List<Monitor> monitors() {
        List<Monitor> found = new ArrayList<>();
        for (Path dir : monitorDirs()) {
            if (!Files.exists(dir.resolve("state"))) {
                continue;
            }
            String state = read(dir.resolve("state"));
            String pid = read(dir.resolve("pid"));
            Path context = dir.resolve("contexts").resolve("0");
            List<String> actions = new ArrayList<>();
            for (Path scheme : numbered(context.resolve("schemes"))) {
                String action = read(scheme.resolve("action"));
                if (action != null) {
                    actions.add(action);
                }
            }
            found.add(new Monitor(dir.getFileName().toString(), state, parsePid(pid),
                    read(context.resolve("operations")), List.copyOf(actions)));
        }
        return List.copyOf(found);
    }

    /** The state file of monitor {@code name}. */
    public Path stateFile(String name) {
        return admin.resolve("kdamonds").resolve(name).resolve("state");
    }

    /**
     * Starts or stops one monitor by writing {@code on} or {@code off} to its {@code state} file.
     *
     * @throws IOException with a message fit for a user (which file, and why) when it cannot be written
     */
    public void set(String name, boolean on) throws IOException {
        String state = on ? "on" : "off";
        Path file = stateFile(name);
        try {
            Files.writeString(file, state);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot write '" + state + "' to " + file + ": permission denied (it takes root)", e);
        } catch (FileSystemException e) {
            throw new IOException("cannot write '" + state + "' to " + file + ": " + (e.getReason() == null ? e.getClass().getSimpleName() : e.getReason()), e);
        }
    }

    private List<Path> monitorDirs() {
        return numbered(admin.resolve("kdamonds"));
    }

    /** The folders named by a number under {@code parent}, in numeric order; empty when there is none or no parent. */
    private static List<Path> numbered(Path parent) {
        List<Path> dirs = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(parent,
                p -> Files.isDirectory(p) && p.getFileName().toString().matches("\\d+"))) {
            children.forEach(dirs::add);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        dirs.sort((a, b) -> Integer.compare(Integer.parseInt(a.getFileName().toString()), Integer.parseInt(b.getFileName().toString())));
        return dirs;
    }

    /** A sysfs file's content without its line end; null when it cannot be read. */
    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long parsePid(String pid) {
        if (pid == null) {
            return -1;
        }
        try {
            long p = Long.parseLong(pid);
            return p > 0 ? p : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
