package dev.tva.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A process's open-file limit and the files it has open now, from /proc (Linux): every socket is a file,
 * so a process cannot hold more connections than its limit leaves room for.
 *
 * @param limit the soft "Max open files" limit ({@code ulimit -n}); -1 when unknown or unlimited
 * @param open  files open now; -1 when unknown
 */
public record OpenFiles(long limit, long open) {
    /** Files a process needs besides its connections (jars, pipes, selectors, the JIT's files): room kept free. */
    public static final int MARGIN = 200;

    /** This process's. */
    public static OpenFiles self() {
        return of("self");
    }

    /** The process with this pid's. */
    public static OpenFiles of(long pid) {
        return of(Long.toString(pid));
    }

    /**
     * A JVM started from this one (a lab server): it inherits this process's limits and, with HotSpot's
     * default {@code -XX:+MaxFDLimit}, raises its soft limit to the hard one; it opens about
     * {@link #MARGIN} files of its own.
     */
    public static OpenFiles child() {
        long hard = limit("self", 2);
        return new OpenFiles(hard > 0 ? hard : limit("self", 1), MARGIN);
    }

    private static OpenFiles of(String pid) {
        long open;
        try (Stream<Path> fds = Files.list(Path.of("/proc", pid, "fd"))) {
            open = fds.count();
        } catch (IOException | RuntimeException e) {
            open = -1;
        }
        return new OpenFiles(limit(pid, 1), open);
    }

    /**
     * Null when {@code more} connections fit beside what is open and {@link #MARGIN}; else one line saying
     * who cannot hold them, the limit and what would fit. An unknown limit fits (nothing to check against).
     */
    public String refusal(String who, long more) {
        if (limit < 0 || open < 0) {
            return null;
        }
        long room = limit - open - MARGIN;
        if (more <= room) {
            return null;
        }
        return String.format(Locale.ROOT, "%s cannot hold %,d connections: its open-file limit (ulimit -n) is %,d with %,d files open"
                + " and %d kept free, room for %,d; lower --idle or --connections, or raise the limit", who, more, limit, open, MARGIN,
                Math.max(0, room));
    }

    /** Field {@code column} (1 soft, 2 hard) of the "Max open files" line of /proc/PID/limits; -1 if unknown or unlimited. */
    private static long limit(String pid, int column) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "limits"))) {
                if (line.startsWith("Max open files")) {
                    String value = line.substring("Max open files".length()).trim().split("\\s+")[column - 1];
                    return value.equals("unlimited") ? -1 : Long.parseLong(value);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
