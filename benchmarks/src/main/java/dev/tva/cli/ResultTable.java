package dev.tva.cli;

import dev.tva.workloads.RunResult;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints runs as a table, each throughput beside its bound and efficiency. */
final class ResultTable {
    private ResultTable() {
    }

    static void print(PrintWriter out, List<RunResult> results) {
        Table table = new Table("model", "wall s", "tasks/s", "bound/s", "eff",
                "p50 ms", "p99 ms", "max ms", "cpu s", "busy", "threads", "rss MB", "errors");
        for (RunResult r : results) {
            table.row(r.label(), seconds(r.wallMillis()),
                    grouped(Math.round(r.throughputPerSec())),
                    r.boundPerSec() == null ? "-" : grouped(Math.round(r.boundPerSec())),
                    r.efficiency() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.efficiency()),
                    millis(r.latencyMicros().p50()), millis(r.latencyMicros().p99()), millis(r.latencyMicros().max()),
                    r.cpuMillis() < 0 ? "-" : seconds(r.cpuMillis()), Verdicts.percent(r.coresBusy()), r.peakThreads(),
                    r.peakRssMb() < 0 ? "-" : r.peakRssMb(), r.errors());
        }
        out.print(table.render("  "));
        RunResult first = results.get(0);
        out.println("  bound: " + first.boundRule() + (first.backendCpuMillis() != null
                ? "; backend CPU (own JVM): " + backendCpu(results) : "")
                + "; busy = share of all " + first.env().cores() + " cores used by this process"
                + (first.backendCpuMillis() != null ? " and the backend" : ""));
        for (RunResult r : results) {
            if (r.errors() > 0) {
                out.println("  INVALID: " + r.label() + " had " + r.errors() + " errors; first: " + r.firstError());
            }
        }
    }

    private static String backendCpu(List<RunResult> results) {
        StringBuilder s = new StringBuilder();
        for (RunResult r : results) {
            if (r.backendCpuMillis() != null) {
                s.append(s.isEmpty() ? "" : ", ").append(r.model()).append(' ').append(seconds(r.backendCpuMillis())).append(" s");
            }
        }
        return s.toString();
    }

    static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2f", millis / 1000.0);
    }

    static String millis(long micros) {
        return micros >= 100_000 ? String.format(Locale.ROOT, "%,d", Math.round(micros / 1000.0))
                : String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }
}
