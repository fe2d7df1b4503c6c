package dev.tva.cli;

import dev.tva.engine.UserException;
import dev.tva.load.Damon;
import dev.tva.load.HostSteal;
import dev.tva.load.KernelMonitor;
import dev.tva.load.KernelPreemption;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code lab machine}: what on this machine, outside the lab, takes CPUs from a measurement (the host's steal, the
 * kernel's data-access monitor, a kernel without preemption), and, on request, stops the monitor for a measuring
 * session and starts it again after, as benchmark suites' "system tune" commands do.
 */
@Command(name = "machine", mixinStandardHelpOptions = true,
        description = {"Shows what on this machine, outside the lab, takes CPUs from a measurement: the host's share (steal time), "
                + "Linux's data-access monitor (DAMON) and how the kernel preempts. 'quiet' stops DAMON's running monitors for a "
                + "measuring session (as root) and remembers which; 'restore' starts those again.",
                "On a kernel without preemption a DAMON pass keeps its CPU for up to tens of milliseconds, and an open-model "
                        + "generator beside the server sends requests late meanwhile (docs/servers.md)."})
final class MachineCommand implements Callable<Integer> {
    /** What to do. */
    enum Action { SHOW, QUIET, RESTORE }

    /** How long {@code show} watches the machine's CPU time. */
    static final long SAMPLE_MILLIS = 1_000;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ACTION", defaultValue = "show", converter = ActionConverter.class,
            description = "show (the default), quiet or restore")
    Action action;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Damon damon = new Damon(Damon.SYSFS);
        Path memo = defaultMemo();
        switch (action) {
            case SHOW -> show(out, damon, memo);
            case QUIET -> out.println(quiet(damon, memo));
            case RESTORE -> out.println(restore(damon, memo));
        }
        out.flush();
        return 0;
    }

    /** Where {@code quiet} writes the monitors it stopped: one name a line. */
    static Path defaultMemo() {
        return Path.of(System.getProperty("java.io.tmpdir"), "tva-lab-machine-quieted");
    }

    private static void show(PrintWriter out, Damon damon, Path memo) throws InterruptedException {
        KernelPreemption kernel = KernelPreemption.read();
        HostSteal.Ticks steal = HostSteal.now();
        KernelMonitor.Ticks monitor = KernelMonitor.now();
        Thread.sleep(SAMPLE_MILLIS);
        Double stealPercent = HostSteal.now().percentSince(steal);
        Double monitorPercent = KernelMonitor.again(monitor).percentSince(monitor);

        out.printf(Locale.ROOT, "kernel   %s %s, %d cores: %s%n", System.getProperty("os.name"), System.getProperty("os.version"),
                Runtime.getRuntime().availableProcessors(), describe(kernel));
        out.printf(Locale.ROOT, "host     %s%n", stealPercent == null ? "steal time unknown (no /proc/stat)"
                : String.format(Locale.ROOT, "took %.1f%% of this machine's CPU time over the last second (steal time)", stealPercent));
        List<Damon.Monitor> monitors = damon.monitors();
        Set<String> quieted = readMemo(memo);
        if (monitors.isEmpty()) {
            out.println("DAMON    none set up (no kdamond under " + damon.admin() + ")");
        }
        boolean anyOn = false;
        for (Damon.Monitor m : monitors) {
            anyOn |= m.on() || !m.readable();
            String what = (m.operations() == null ? "" : m.operations()) + (m.actions().isEmpty() ? "" : ", " + String.join(", ", m.actions()));
            String state = !m.readable() ? "(its state is root's to read)"
                    : m.on() ? "on" + (m.pid() > 0 ? " (pid " + m.pid() + ")" : "")
                    : "off" + (quieted.contains(m.name()) ? " (stopped by 'lab machine quiet'; './lab machine restore' starts it again)" : "");
            out.printf(Locale.ROOT, "DAMON    kdamond %s %s%s%n", m.name(), state, what.isEmpty() ? "" : ": " + what);
        }
        if (monitorPercent != null) {
            out.printf(Locale.ROOT, "         DAMON's threads took %.1f%% of this machine's CPU time over the last second%n", monitorPercent);
        }
        if (anyOn) {
            out.println("advice   a DAMON pass keeps its CPU for up to tens of milliseconds"
                    + ("none".equals(kernel.mode()) || "voluntary".equals(kernel.mode()) ? " on this kernel" : "")
                    + ", and an open-model load generator beside the server sends requests late meanwhile:"
                    + " './lab machine quiet' (as root) stops it for a measuring session, './lab machine restore' starts it again");
        }
    }

    private static String describe(KernelPreemption k) {
        String hz = k.hz() == null ? "" : String.format(Locale.ROOT, ", a %d Hz tick", k.hz());
        if (k.mode() == null) {
            return "preemption unknown" + hz;
        }
        String meaning = switch (k.mode()) {
            case "none" -> "work inside the kernel keeps its CPU until it is done";
            case "voluntary" -> "work inside the kernel keeps its CPU until it offers to yield";
            default -> "a woken thread can take a CPU from work inside the kernel";
        };
        return "preemption " + k.mode() + hz + " (from " + k.source() + "): " + meaning;
    }

    /** Stops DAMON's running monitors, adding each to {@code memo} as soon as it stopped; the line to print. */
    static String quiet(Damon damon, Path memo) {
        Set<String> remembered = readMemo(memo);
        List<String> stopped = new ArrayList<>();
        List<Damon.Monitor> monitors = damon.monitors();
        for (Damon.Monitor m : monitors) {
            requireReadable(damon, m);
        }
        for (Damon.Monitor m : monitors) {
            if (!m.on()) {
                continue;
            }
            try {
                damon.set(m.name(), false);
            } catch (IOException e) {
                throw new UserException(UserException.FAILED, e.getMessage()
                        + (stopped.isEmpty() ? "" : " (kdamond " + String.join(", ", stopped) + " stopped; './lab machine restore' starts it again)"));
            }
            stopped.add(m.name());
            remembered.add(m.name());
            writeMemo(memo, remembered);
        }
        if (stopped.isEmpty()) {
            return "nothing to stop: no DAMON monitor runs on this machine";
        }
        return "stopped DAMON kdamond " + String.join(", ", stopped) + "; './lab machine restore' starts "
                + (stopped.size() == 1 ? "it" : "them") + " again";
    }

    /** Starts the monitors {@code quiet} stopped that are still off, and forgets them; the line to print. */
    static String restore(Damon damon, Path memo) {
        Set<String> quieted = readMemo(memo);
        if (quieted.isEmpty()) {
            return "nothing to restore: 'lab machine quiet' has stopped nothing on this machine";
        }
        List<String> started = new ArrayList<>();
        for (Damon.Monitor m : damon.monitors()) {
            if (!quieted.contains(m.name())) {
                continue;
            }
            requireReadable(damon, m);
            if (!m.on()) {
                try {
                    damon.set(m.name(), true);
                } catch (IOException e) {
                    throw new UserException(UserException.FAILED, e.getMessage());
                }
                started.add(m.name());
            }
        }
        try {
            Files.deleteIfExists(memo);
        } catch (IOException e) {
            throw new UserException(UserException.FAILED, "cannot remove " + memo + " (" + e.getMessage() + ")");
        }
        return started.isEmpty() ? "nothing to restart: DAMON kdamond " + String.join(", ", quieted) + " already on, or gone"
                : "started DAMON kdamond " + String.join(", ", started) + " again";
    }

    /** A monitor whose state this user may not read cannot be stopped or started by it either: one line, nothing changed. */
    private static void requireReadable(Damon damon, Damon.Monitor m) {
        if (!m.readable()) {
            throw new UserException(UserException.FAILED, "cannot read " + damon.stateFile(m.name()) + ": DAMON's files are root's (run it as root)");
        }
    }

    private static Set<String> readMemo(Path memo) {
        Set<String> names = new LinkedHashSet<>();
        try {
            for (String line : Files.readAllLines(memo)) {
                if (!line.isBlank()) {
                    names.add(line.strip());
                }
            }
        } catch (IOException e) {
            // none yet
        }
        return names;
    }

    private static void writeMemo(Path memo, Set<String> names) {
        try {
            Files.write(memo, names);
        } catch (IOException e) {
            throw new UserException(UserException.FAILED, "stopped DAMON kdamond " + String.join(", ", names) + ", but cannot write "
                    + memo + " to remember it (" + e.getMessage() + "); start it again with: echo on > " + Damon.SYSFS + "/kdamonds/N/state");
        }
    }

    /** show, quiet or restore, in one line when it is none of them. */
    static final class ActionConverter implements ITypeConverter<Action> {
        @Override
        public Action convert(String value) {
            for (Action a : Action.values()) {
                if (a.name().toLowerCase(Locale.ROOT).equals(value)) {
                    return a;
                }
            }
            throw new TypeConversionException("'" + value + "' is not an action; expected show, quiet or restore");
        }
    }
}
