package dev.tva.report;

import dev.tva.engine.OverloadResult;
import dev.tva.engine.Recovery;
import dev.tva.load.KernelMonitor;
import dev.tva.load.LoadResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** One server's overload run as text: capacity, accounting, errors by kind, the p99 of each second, recovery and verdict. */
public final class OverloadText {
    /** Seconds per line of the timeline. */
    private static final int PER_LINE = 10;

    private OverloadText() {
    }

    public static String block(OverloadResult r) {
        LoadResult load = r.load();
        StringBuilder b = new StringBuilder();
        line(b, "%s: capacity %,.0f/s (%s); warm-up %s%s", r.label(), r.capacityPerSec(), r.capacityFrom(), r.steady() ? "steady" : "NOT steady",
                r.rehearsal() == null ? "" : ", and " + (r.rehearsal().steadyAfter() ? "steady" : "NOT steady") + " again after the rehearsal");
        line(b, "  load: %,.0f/s for %d s, then %,.0f/s for %d s, one open-model run; timeout %d s, SLO p99 %d ms", r.overPerSec(),
                r.overMillis() / 1000, r.afterPerSec(), r.afterMillis() / 1000, load.timeoutMillis() / 1000, r.sloMillis());
        line(b, "  requests: %,d scheduled = %,d answered + %,d errors + %,d timeouts%s", load.scheduled(), load.completed(), load.errors(),
                load.timeouts(), r.lost() == 0 ? " (none lost)" : String.format(Locale.ROOT, " + %,d LOST", r.lost()));
        line(b, "  failures by kind: %s", kinds(load));
        int drop = (int) (r.overMillis() / 1000);
        Recovery.Relapses relapses = Recovery.relapses(r.timeline(), drop, drop + (int) (r.afterMillis() / 1000),
                Duration.ofMillis(r.sloMillis()));
        line(b, "  p99 of each second in ms (* = errors or timeouts in that second, - = no answer%s; | = the rate drops):",
                relapses.known() ? String.format(Locale.ROOT, ", ^ = the host took %.0f%%+ of the CPU", Recovery.STOLEN_PERCENT) : "");
        for (String row : timeline(r)) {
            b.append("    ").append(row).append('\n');
        }
        List<String> files = openFiles(r);
        if (!files.isEmpty()) {
            line(b, "  the server's open files at the end of each second (its connections, including those of clients that left and"
                    + " it has not yet closed, and its backend sockets):");
            for (String row : files) {
                b.append("    ").append(row).append('\n');
            }
        }
        line(b, "  server: %s, %s; %,d MB RSS, at most %,d threads", r.alive() ? "alive" : "DEAD after the run",
                r.helloMillis() == null ? "did NOT answer /hello after the run" : "answered /hello " + r.helloMillis() + " ms after the run",
                r.serverRssMb(), r.serverPeakThreads());
        if (load.hostStealPercent() != null) {
            line(b, "  host: took %.1f%% of this machine's CPU time over the run (steal time), at most %.0f%% in a second%s",
                    load.hostStealPercent(), r.timeline().stream().map(Recovery.Second::stealPercent).filter(p -> p != null)
                            .mapToDouble(Double::doubleValue).max().orElse(0),
                    relapses.bad() == 0 ? "" : String.format(Locale.ROOT, "; it took %.0f%%+ in %d of the %d seconds over the SLO after the"
                            + " server was first back", Recovery.STOLEN_PERCENT, relapses.stolen(), relapses.bad()));
        }
        if (load.kernelMonitorPercent() != null) {
            line(b, "  kernel: its memory monitor (kdamond) took %.1f%% of this machine's CPU time over the run%s", load.kernelMonitorPercent(),
                    load.kernelMonitorPercent() > 0 ? "; " + KernelMonitor.WHERE_TO_LOOK : "");
        }
        line(b, "  recovery: %s", r.recoverySeconds() == null ? "never within the run (p99 not back under the SLO for the last "
                + Recovery.MIN_HELD_SECONDS + "+ s)" : r.recoverySeconds() + " s after the rate dropped");
        line(b, "  verdict: %s", switch (r.verdict()) {
            case RECOVERED -> "RECOVERED within " + Recovery.WITHIN.toSeconds() + " s";
            case SLOW -> "SLOW (not back under the SLO within " + Recovery.WITHIN.toSeconds() + " s of the drop)"
                    + (relapses.mostlyStolen() ? "; it was back, and the host took the CPU in most of the seconds it was over again:"
                    + " a slow machine as much as a slow server, run it again" : "");
            case CRASHED -> "CRASHED";
        });
        return b.toString();
    }

    private static String kinds(LoadResult load) {
        List<String> kinds = new ArrayList<>();
        load.errorsByStatus().forEach((status, count) -> kinds.add(String.format(Locale.ROOT, "HTTP %s: %,d", status, count)));
        if (load.connectionErrors() > 0) {
            kinds.add(String.format(Locale.ROOT, "connection lost or refused: %,d", load.connectionErrors()));
        }
        if (load.timeouts() > 0) {
            kinds.add(String.format(Locale.ROOT, "timeouts (no answer within %d s): %,d", load.timeoutMillis() / 1000, load.timeouts()));
        }
        return kinds.isEmpty() ? "none" : String.join(", ", kinds);
    }

    /** Rows of {@link #PER_LINE} seconds, e.g. {@code   1-10: 52 60 340* ...}. */
    static List<String> timeline(OverloadResult r) {
        return rows(r, s -> (s.answers() == 0 ? "-" : millis(s.p99Micros())) + (s.failures() > 0 ? "*" : "") + (s.stolen() ? "^" : ""));
    }

    /** One cell per second, {@link #PER_LINE} to a row, each row headed by its seconds, a {@code |} before the first after the drop. */
    private static List<String> rows(OverloadResult r, Function<Recovery.Second, String> cell) {
        long drop = r.overMillis() / 1000;
        List<String> rows = new ArrayList<>();
        StringBuilder row = new StringBuilder();
        for (Recovery.Second s : r.timeline()) {
            if ((s.second() - 1) % PER_LINE == 0) {
                if (!row.isEmpty()) {
                    rows.add(row.toString());
                }
                row = new StringBuilder(String.format(Locale.ROOT, "%3d-%-3d:", s.second(), s.second() + PER_LINE - 1));
            }
            row.append(s.second() == drop + 1 ? " |" : "").append(' ').append(cell.apply(s));
        }
        if (!row.isEmpty()) {
            rows.add(row.toString());
        }
        return rows;
    }

    /** The server's open files at the end of each second, {@link #PER_LINE} to a row; none when no second has them. */
    static List<String> openFiles(OverloadResult r) {
        if (r.timeline().stream().allMatch(s -> s.serverOpenFiles() == null)) {
            return List.of();
        }
        return rows(r, s -> s.serverOpenFiles() == null ? "?" : String.format(Locale.ROOT, "%,d", s.serverOpenFiles()));
    }

    private static String millis(long micros) {
        double ms = micros / 1000.0;
        return String.format(Locale.ROOT, ms < 10 ? "%.1f" : "%,.0f", ms);
    }

    private static void line(StringBuilder b, String format, Object... args) {
        b.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
