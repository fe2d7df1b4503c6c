package dev.tva.report;

import dev.tva.engine.IdleResult;
import dev.tva.load.LoadResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The idle-connections table: per server, the connections it held, what each cost it, and the load's p99 beside them. */
final class IdleTable {
    static final String HEADING = "Idle keep-alive connections";

    private IdleTable() {
    }

    static void write(Markdown md, List<Sourced<IdleResult>> idles, Inputs inputs, Links links) {
        if (idles.isEmpty()) {
            Reliability.missing(md, HEADING, "./lab idle --idle 15000 --rate 1000", Kind.IDLE);
            return;
        }
        md.heading(3, HEADING).paragraph("Each idle connection is served one GET /hello with keep-alive, then stays silent while a"
                + " modest open-model load runs beside them. Per connection: the server's RSS and live threads with them open, minus"
                + " before, over the connections served. Held: every connection still open and the load's p99 under the SLO.");
        List<List<String>> rows = new ArrayList<>();
        for (Sourced<IdleResult> s : idles) {
            IdleResult r = s.value();
            LoadResult load = r.load();
            rows.add(List.of(r.label(), Fmt.count(r.stillOpen()) + " of " + Fmt.count(r.idle()),
                    perConnection(r.rssKibPerConnection()) + " KiB (" + Fmt.count(r.rssMbBefore()) + " to " + Fmt.count(r.rssMbWith()) + " MB)",
                    perConnection(threadsPerConnection(r)) + " (" + Fmt.count(r.threadsBefore()) + " to " + Fmt.count(r.threadsWith()) + ")",
                    "GET " + r.path() + " at " + Fmt.count(load.targetPerSec()) + "/s: p99 " + Fmt.ms(load.latencyMicros().p99()) + " ms"
                            + (load.errors() + load.timeouts() == 0 ? "" : ", " + Fmt.count(load.errors() + load.timeouts()) + " failed"),
                    "**" + r.verdict().id().toUpperCase(Locale.ROOT) + "**" + (r.firstFailure() == null ? "" : ": " + r.firstFailure())));
        }
        md.table(List.of("server", "idle connections held", "RSS per connection", "threads per connection", "load beside them",
                "verdict (SLO p99 " + idles.get(0).value().sloMillis() + " ms)"), rows);
        Reliability.sources(md, idles.stream().map(Sourced::file).toList(), inputs, links);
    }

    /** Live threads added per idle connection served. */
    static double threadsPerConnection(IdleResult r) {
        return r.served() == 0 ? 0 : (double) (r.threadsWith() - r.threadsBefore()) / r.served();
    }

    /** A per-connection figure with a sign, three significant digits: {@code +5.12}, {@code +0.005}. */
    static String perConnection(double value) {
        return (value >= 0 ? "+" : "") + Fmt.score(value);
    }
}
