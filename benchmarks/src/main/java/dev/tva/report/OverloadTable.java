package dev.tva.report;

import dev.tva.engine.OverloadResult;
import dev.tva.engine.Recovery;
import dev.tva.load.LoadResult;
import dev.tva.report.chart.OverloadChart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The overload table: per server, its capacity, twice it then half of it, every request's fate, and the recovery. */
final class OverloadTable {
    static final String HEADING = "Overload: twice the capacity, then half of it";

    private OverloadTable() {
    }

    static void write(Markdown md, List<Sourced<OverloadResult>> overloads, Inputs inputs, Links links) {
        if (overloads.isEmpty()) {
            Reliability.missing(md, HEADING, "./lab overload --endpoint io", Kind.OVERLOAD);
            return;
        }
        md.heading(3, HEADING).paragraph("One open-model run per server: twice its capacity, then half of it without a pause, so the"
                + " backlog carries over. Recovered: each second's p99 back under the SLO within " + Recovery.WITHIN.toSeconds()
                + " s of the drop and staying there (at least " + Recovery.MIN_HELD_SECONDS + " s); slow: later or never; crashed:"
                + " the process died or stopped answering /hello." + links.chart(OverloadChart.FILE).map(c -> " Each second: " + c + ".")
                .orElse(""));
        List<List<String>> rows = new ArrayList<>();
        for (Sourced<OverloadResult> s : overloads) {
            OverloadResult r = s.value();
            LoadResult load = r.load();
            rows.add(List.of(load.cpus() == null ? r.label() : r.label() + " (--cpus " + load.cpus() + ")", "GET " + r.path(), Fmt.count(r.capacityPerSec()) + "/s (" + r.capacityFrom() + ")",
                    String.format(Locale.ROOT, "%s/s for %d s, then %s/s for %d s", Fmt.count(r.overPerSec()), r.overMillis() / 1000,
                            Fmt.count(r.afterPerSec()), r.afterMillis() / 1000),
                    Fmt.count(load.completed()) + " / " + Fmt.count(load.errors()) + " / " + Fmt.count(load.timeouts())
                            + (r.lost() == 0 ? " (none lost)" : " (" + Fmt.count(r.lost()) + " LOST)"),
                    r.recoverySeconds() == null ? "never within the run" : r.recoverySeconds() + " s",
                    (r.alive() ? "alive" : "DEAD") + ", " + (r.helloMillis() == null ? "no /hello" : "/hello after " + r.helloMillis()
                            + " ms") + "; " + Fmt.count(r.serverRssMb()) + " MB RSS, at most " + Fmt.count(r.serverPeakThreads()) + " threads",
                    "**" + r.verdict().id().toUpperCase(Locale.ROOT) + "**"));
        }
        md.table(List.of("server", "endpoint", "capacity", "2x, then 0.5x", "answered / errors / timeouts", "recovery",
                "after the run", "verdict"), rows);
        Reliability.sources(md, overloads.stream().map(Sourced::file).toList(), inputs, links);
    }
}
