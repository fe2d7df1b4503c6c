package dev.tva.report;

import dev.tva.engine.SoakFigure;
import dev.tva.engine.SoakResult;
import dev.tva.engine.Trend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The soak table: per server, the load it held for how long, and how each figure moved over the run. */
final class SoakTable {
    static final String HEADING = "Soak: a steady load for a long time";

    private SoakTable() {
    }

    static void write(Markdown md, List<Sourced<SoakResult>> soaks, Inputs inputs, Links links) {
        if (soaks.isEmpty()) {
            Reliability.missing(md, HEADING, "./lab soak --server netty --endpoint io --rate 500/s --duration 10m", Kind.SOAK);
            return;
        }
        md.heading(3, HEADING).paragraph("Each figure's change over the run is its lowest sample in the last third of the run"
                + " less its lowest sample in the first third (samples taken after the warm-up); a leak raises the floor, a passing"
                + " hump does not. FLAT when within its tolerance (" + tolerances()
                + "), else GROWING or SHRINKING. HELD: a valid load, no figure GROWING and every interval's p99 within the SLO.");
        List<String> header = new ArrayList<>(List.of("server", "load"));
        for (SoakFigure f : SoakFigure.values()) {
            header.add(f.label() + (f.unit().isEmpty() ? "" : " (" + f.unit() + ")"));
        }
        header.add("verdict");
        List<List<String>> rows = new ArrayList<>();
        for (Sourced<SoakResult> s : soaks) {
            SoakResult r = s.value();
            List<String> row = new ArrayList<>(List.of(r.server(), String.format(Locale.ROOT, "GET %s at %s/s for %d s (%d samples)",
                    r.path(), Fmt.count(r.targetPerSec()), r.durationMillis() / 1000, r.samples().size())));
            for (SoakFigure f : SoakFigure.values()) {
                row.add(trend(r, f).map(SoakTable::cell).orElse("not judged"));
            }
            row.add(verdict(r));
            rows.add(row);
        }
        md.table(header, rows);
        Reliability.sources(md, soaks.stream().map(Sourced::file).toList(), inputs, links);
    }

    private static Optional<Trend> trend(SoakResult r, SoakFigure f) {
        return r.trends().stream().filter(t -> t.figure() == f).findFirst();
    }

    /** {@code FLAT +1.2 (+0.9%) of 130.5}: the verdict, the change of the floor and the median. */
    private static String cell(Trend t) {
        return String.format(Locale.ROOT, "%s %+,.1f%s of %,.1f", t.verdict(), t.change(),
                t.changeRelative() == null ? "" : String.format(Locale.ROOT, " (%+.1f%%)", 100 * t.changeRelative()), t.median());
    }

    private static String verdict(SoakResult r) {
        if (r.held()) {
            return "**HELD**";
        }
        List<String> why = new ArrayList<>();
        if (!r.valid()) {
            why.add("load INVALID: " + r.invalidReason());
        }
        r.growing().forEach(f -> why.add(f.label() + " GROWING"));
        if (r.sloBreaches() > 0) {
            why.add(r.sloBreaches() + " of " + r.samples().size() + " intervals over the " + r.sloMillis() + " ms SLO");
        }
        return "**NOT HELD**" + (why.isEmpty() ? "" : ": " + String.join("; ", why));
    }

    private static String tolerances() {
        List<String> rules = new ArrayList<>();
        for (SoakFigure f : SoakFigure.values()) {
            rules.add(f.label() + " " + f.tolerance().replace(", whichever is larger", ""));
        }
        return String.join("; ", rules) + ", whichever is larger";
    }
}
