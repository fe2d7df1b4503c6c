package dev.tva.report;

import dev.tva.verdict.ModelVerdicts;
import dev.tva.workloads.Interval;
import dev.tva.workloads.RunResult;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints runs as a table, each throughput beside its bound and efficiency. */
public final class ResultTable {
    private ResultTable() {
    }

    public static void print(PrintWriter out, List<RunResult> results) {
        Table table = new Table("model", "tasks/s", "±", "bound/s", "eff",
                "p50 ms", "p99 ms", "max ms", "cpu us/task", "busy", "threads", "rss MB", "errors", "steady");
        for (RunResult r : results) {
            Interval interval = r.throughput();
            table.row(r.label(), grouped(Math.round(r.throughputPerSec())),
                    interval.known() ? String.format(Locale.ROOT, "%.1f%%", interval.relativeHalfWidth() * 100) : "-",
                    r.boundPerSec() == null ? "-" : grouped(Math.round(r.boundPerSec())),
                    r.efficiency() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.efficiency()),
                    millis(r.latencyMicros().p50()), millis(r.latencyMicros().p99()), millis(r.latencyMicros().max()),
                    Double.isNaN(r.cpuMicrosPerTask()) ? "-" : grouped(Math.round(r.cpuMicrosPerTask())),
                    ModelVerdicts.percent(r.coresBusy()), r.peakThreads(), r.peakRssMb() < 0 ? "-" : r.peakRssMb(), r.errors(),
                    r.steady() ? "yes" : "NO");
        }
        out.print(table.render("  "));
        RunResult first = results.get(0);
        out.println("  bound: " + first.boundRule() + (first.backendCpuMillis() != null
                ? "; backend CPU (own JVM): " + backendCpu(results) : "")
                + (first.cpus() != null
                ? "; busy = share of its " + first.env().cores() + " CPU" + (first.env().cores() == 1 ? "" : "s") + " used by the model's process (pinned: " + first.cpus() + ")"
                : "; busy = share of all " + first.env().cores() + " cores used by this process"
                + (first.backendCpuMillis() != null ? " and the backend" : "")));
        out.println("  " + measuredAs(first));
        for (RunResult r : results) {
            if (r.errors() > 0) {
                out.println("  INVALID: " + r.label() + " had " + r.errors() + " errors; first: " + r.firstError());
            }
        }
    }

    /** How the rows were measured: windows, forks, and what the ± means. */
    private static String measuredAs(RunResult r) {
        return String.format(Locale.ROOT, "measured: %d window%s of %s%s after a warm-up until steady; ± = 95%% interval (Student t over the windows%s)",
                r.windows(), r.windows() == 1 ? "" : "s", Describe.duration(java.time.Duration.ofMillis(r.windowMillis())),
                r.forks() > 1 ? " in " + r.forks() + " JVMs" : "", r.forks() > 1 ? " of every fork" : "");
    }

    private static String backendCpu(List<RunResult> results) {
        StringBuilder s = new StringBuilder();
        for (RunResult r : results) {
            if (r.backendCpuMillis() != null) {
                s.append(s.isEmpty() ? "" : ", ").append(r.model().id()).append(' ').append(seconds(r.backendCpuMillis())).append(" s");
            }
        }
        return s.toString();
    }

    public static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2f", millis / 1000.0);
    }

    public static String millis(long micros) {
        return micros >= 100_000 ? String.format(Locale.ROOT, "%,d", Math.round(micros / 1000.0))
                : String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }
}
