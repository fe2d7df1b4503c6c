package dev.tva.report;

import dev.tva.engine.ServerBench.Row;
import dev.tva.load.Fault;
import dev.tva.load.KernelMonitor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The servers' rows as text: the table, why a row is invalid, and the highest rate each server sustains under an SLO. */
public final class ServerTable {
    private ServerTable() {
    }

    /**
     * The table of one endpoint: a row per server and rate, the generator's own figures beside the
     * server's, the share of the CPU the host took ({@code steal %}) and the kernel's memory monitor took
     * ({@code kdamond %}, {@code -} on a machine that runs none), and in {@code run} whose fault an INVALID row is.
     */
    public static String table(List<Row> rows, String indent) {
        Table table = new Table("server", "rate/s", "achieved/s", "bound/s", "p50 ms", "p99 ms", "p99.9 ms", "max ms",
                "errors", "srv late", "gen late", "cpu s", "gen cpu s", "gen gc ms", "rss MB", "threads", "steal %", "kdamond %", "steady", "run");
        for (Row r : rows) {
            table.row(r.label(), String.format(Locale.ROOT, "%,.0f", r.targetPerSec()),
                    String.format(Locale.ROOT, "%,.0f", r.achievedPerSec()),
                    r.boundPerSec() == null ? "-" : String.format(Locale.ROOT, "%,.0f", r.boundPerSec()),
                    millis(r.latencyMicros().p50()), millis(r.latencyMicros().p99()), millis(r.latencyMicros().p999()),
                    millis(r.latencyMicros().max()), String.format(Locale.ROOT, "%,d", r.errors() + r.timeouts()),
                    String.format(Locale.ROOT, "%,d", r.lateNoConnection()), String.format(Locale.ROOT, "%,d", r.lateGenerator()),
                    seconds(r.serverCpuMillis()), seconds(r.generatorCpuMillis()),
                    r.generatorMaxGcPauseMillis() < 0 ? "?" : Long.toString(r.generatorMaxGcPauseMillis()),
                    r.serverRssMb() < 0 ? "?" : Long.toString(r.serverRssMb()),
                    r.serverPeakThreads() < 0 ? "?" : Long.toString(r.serverPeakThreads()),
                    r.hostStealPercent() == null ? "?" : String.format(Locale.ROOT, "%.1f", r.hostStealPercent()),
                    r.kernelMonitorPercent() == null ? "-" : String.format(Locale.ROOT, "%.1f", r.kernelMonitorPercent()),
                    r.steady() ? "yes" : "NO", run(r));
        }
        return table.render(indent);
    }

    /** {@code valid}, or {@code INVALID} with whose fault, e.g. {@code INVALID (generator)} or {@code INVALID (timeouts, server)}. */
    public static String run(Row r) {
        return r.valid() ? "valid"
                : "INVALID (" + r.faults().stream().map(Fault::id).collect(Collectors.joining(", ")) + ")";
    }

    private static String seconds(long millis) {
        return millis < 0 ? "?" : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }

    /**
     * Why each INVALID row is invalid, one line each; where the generator fell behind while the kernel's memory
     * monitor ran, the line says so and where to look.
     */
    public static List<String> invalidReasons(List<Row> rows) {
        List<String> lines = new ArrayList<>();
        for (Row r : rows) {
            if (!r.valid()) {
                String kernel = KernelMonitor.tookTheCpuWhileBehind(r.kernelMonitorPercent(), r.faults())
                        ? String.format(Locale.ROOT, "; the kernel's memory monitor (kdamond) took %.1f%% of the CPU meanwhile: %s",
                                r.kernelMonitorPercent(), KernelMonitor.WHERE_TO_LOOK)
                        : "";
                lines.add(String.format(Locale.ROOT, "%s at %,.0f/s: %s%s", r.label(), r.targetPerSec(), r.invalidReason(), kernel));
            }
        }
        return lines;
    }

    /** The highest rate at which each server's run was valid with p99 under the SLO; empty for a server that met none. */
    public static Map<String, Optional<Double>> sustained(List<Row> rows, Duration slo) {
        Map<String, Optional<Double>> best = new LinkedHashMap<>();
        for (Row r : rows) {
            best.putIfAbsent(r.label(), Optional.empty());
            if (r.meets(slo)) {
                best.merge(r.label(), Optional.of(r.targetPerSec()),
                        (a, b) -> a.isEmpty() || b.get() > a.get() ? b : a);
            }
        }
        return best;
    }

    /** The SLO line: the highest rate each server sustains with p99 under it. */
    public static String sloLine(List<Row> rows, Duration slo) {
        StringBuilder s = new StringBuilder("Highest rate with p99 under " + slo.toMillis() + " ms (and a valid run): ");
        List<String> parts = new ArrayList<>();
        sustained(rows, slo).forEach((label, rate) -> parts.add(label + " "
                + rate.map(r -> String.format(Locale.ROOT, "%,.0f/s", r)).orElse("none of the rates")));
        return s.append(String.join(", ", parts)).append('.').toString();
    }

    /** Microseconds in milliseconds: one decimal below 100 ms, whole and grouped from there. */
    public static String millis(long micros) {
        return micros >= 100_000 ? String.format(Locale.ROOT, "%,.0f", micros / 1000.0)
                : String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }
}
