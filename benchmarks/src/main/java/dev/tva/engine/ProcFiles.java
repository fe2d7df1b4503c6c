package dev.tva.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Figures of a running process as Linux's {@code /proc} shows them; -1 where there is no /proc or no such process. */
final class ProcFiles {
    private ProcFiles() {
    }

    /** A number from /proc/PID/status, e.g. {@code VmRSS} (in kB) or {@code Threads}. */
    static long status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Entries in /proc/PID/fd: the process's open file descriptors (sockets, files, pipes). */
    static long openFds(long pid) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.count();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
