package dev.tva.report;

import dev.tva.engine.SlowlorisResult;
import dev.tva.engine.SlowlorisResult.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The slowloris table: per server, when it cut off connections that never finish their head, and what it held meanwhile. */
final class SlowlorisTable {
    static final String HEADING = "Slow clients (slowloris)";

    private SlowlorisTable() {
    }

    static void write(Markdown md, List<Sourced<SlowlorisResult>> runs, Inputs inputs, Links links) {
        if (runs.isEmpty()) {
            Reliability.missing(md, HEADING, "./lab slowloris --connections 200", Kind.SLOWLORIS);
            return;
        }
        SlowlorisResult first = runs.get(0).value();
        md.heading(3, HEADING).paragraph("Connections that send a request head one byte every " + first.byteEveryMillis()
                + " ms and never finish it; each server is asked to cut a head off after " + first.headTimeoutMillis() / 1000
                + " s. Added: with every slowloris connection open, minus the same server with none.");
        List<List<String>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Sourced<SlowlorisResult> s : runs) {
            SlowlorisResult r = s.value();
            Sample idle = r.idle();
            Sample attacked = r.attacked();
            SlowlorisVerdict.Holds holds = SlowlorisVerdict.Holds.valueOf(r.holds());
            rows.add(List.of(r.server(), Fmt.count(r.connections()), cutOff(r),
                    Reliability.signed(attacked.platformThreads() - idle.platformThreads()) + " (" + attacked.platformInHeadRead()
                            + " reading a head)",
                    Reliability.signed(attacked.virtualThreads() - idle.virtualThreads()) + " (" + attacked.virtualInHeadRead()
                            + " reading a head)",
                    Reliability.signed(attacked.rssMb() - idle.rssMb()) + " MiB",
                    r.helloP99Millis() < 0 ? "none answered" : r.helloP99Millis() + " ms (" + (r.helloSent() - r.helloFailed()) + " of "
                            + r.helloSent() + ")",
                    "**" + holds.name().toLowerCase(Locale.ROOT).replace('_', ' ') + "**"));
            notes.add(SlowlorisVerdict.sentence(r.server(), r.connections(), holds, idle, attacked));
        }
        md.table(List.of("server", "connections", "cut off after (median)", "platform threads added", "virtual threads added",
                "RSS added", "/hello p99 during it", "what it holds"), rows);
        md.bullets(notes);
        Reliability.sources(md, runs.stream().map(Sourced::file).toList(), inputs, links);
    }

    private static String cutOff(SlowlorisResult r) {
        if (r.cutOff() == 0) {
            return "never (" + r.notCutOff() + " still open)";
        }
        return String.format(Locale.ROOT, "%.1f s (%d of %d; %d with a 408)", r.cutOffMedianMillis() / 1000.0, r.cutOff(),
                r.connections(), r.answered408());
    }
}
