package dev.tva.report;

import dev.tva.engine.Recovery;
import dev.tva.engine.SoakFigure;
import dev.tva.engine.SoakResult;
import dev.tva.engine.SoakSample;
import dev.tva.engine.Trend;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The lines {@code lab soak} prints: one per sample as it is taken, then each figure's trend and the verdict. */
public final class SoakLines {
    /** What the probe does to the server before each sample, said once above the samples. */
    public static final String FORCED_GC = "Before each sample the server is asked for a full GC, so heap after GC is its live heap then:"
            + " a small perturbation (one collection per sample; ZGC pauses for under a millisecond).";

    private SoakLines() {
    }

    /** The column heads above the sample lines. */
    public static String head() {
        return String.format(Locale.ROOT, "  %8s  %9s  %9s  %5s  %7s  %7s  %6s  %9s  %8s  %6s  %7s  %9s",
                "elapsed", "RSS MiB", "heap MiB", "GCs", "threads", "OS thr", "FDs", "p99 ms", "answered", "errors", "steal %", "kdamond %");
    }

    /**
     * One sample: elapsed time since the warm-up, the server's figures (GCs: collections so far) ({@code -} where not
     * measured), the interval's load, and the shares of the machine's CPU its host and the kernel's memory monitor took in it.
     */
    public static String sample(SoakSample s) {
        return String.format(Locale.ROOT, "  %7ds  %9s  %9s  %5s  %7s  %7s  %6s  %9s  %,8d  %6d  %7s  %9s",
                s.elapsedMillis() / 1000, mib(s.server().rssKib()), mib(s.server().heapAfterGcKib()), count(s.server().gcCount()),
                count(s.server().jvmThreads()),
                count(s.server().osThreads()), count(s.server().openFds()),
                s.answered() == 0 ? "-" : ResultTable.millis(s.latencyMicros().p99()), s.answered(), s.errors() + s.timeouts(),
                percent(s.stealPercent()), percent(s.kernelMonitorPercent()));
    }

    /** A share of the CPU, or {@code -} where not known. */
    private static String percent(Double p) {
        return p == null ? "-" : String.format(Locale.ROOT, "%.1f", p);
    }

    /** The trend of every figure, the ones that could not be judged, and the verdict, as lines. */
    public static List<String> trends(SoakResult r) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Trend over %d samples after the warm-up (the lowest sample of the last %d against the lowest of the first %d):",
                r.samples().size(), Trend.third(r.samples().size()), Trend.third(r.samples().size())));
        Set<SoakFigure> judged = EnumSet.noneOf(SoakFigure.class);
        for (Trend t : r.trends()) {
            judged.add(t.figure());
            String unit = t.figure().unit().isEmpty() ? "" : " " + t.figure().unit();
            String inFlight = t.figure().perInFlight() == 0 ? "" : String.format(Locale.ROOT, ", %,.1f in flight", t.inFlight());
            lines.add(String.format(Locale.ROOT, "  %-14s %-9s floor %,.1f -> %,.1f%s, change %+,.1f (%s of the median %,.1f%s); FLAT if %s (here ±%,.1f%s%s)",
                    t.figure().label(), t.verdict(), t.firstFloor(), t.lastFloor(), unit, t.change(),
                    t.changeRelative() == null ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", 100 * t.changeRelative()),
                    t.median(), unit, t.tolerance(), t.allowed(), unit, inFlight));
        }
        for (SoakFigure f : SoakFigure.values()) {
            if (!judged.contains(f)) {
                boolean stale = f == SoakFigure.HEAP_AFTER_GC && r.samples().size() >= 2 && r.attachProblem() == null
                        && !Trend.collectedDuring(r.samples());
                lines.add(String.format(Locale.ROOT, "  %-14s not judged: %s", f.label(), stale
                        ? "no collection ran between the first sample and the last (the server ignored the GC asked for), so every sample shows the same, older one"
                        : "not measured in every sample"));
            }
        }
        lines.add(String.format(Locale.ROOT, "Intervals with p99 over the SLO of %d ms: %d of %d.", r.sloMillis(), r.sloBreaches(), r.samples().size()));
        lines.add(verdict(r));
        return lines;
    }

    private static String verdict(SoakResult r) {
        if (r.held()) {
            return "HELD: a valid load, no figure GROWING beyond its tolerance, every interval's p99 within the SLO.";
        }
        List<String> why = new ArrayList<>();
        if (!r.valid()) {
            why.add("the load is INVALID (" + r.invalidReason() + ")");
        }
        if (!r.growing().isEmpty()) {
            why.add(r.growing().stream().map(SoakFigure::label).collect(Collectors.joining(", ")) + " GROWING");
        }
        if (r.sloBreaches() > 0) {
            long stolen = r.samples().stream().filter(s -> s.overSlo(r.sloMillis() * 1000) && s.stolen()).count();
            boolean known = r.samples().stream().anyMatch(s -> s.stealPercent() != null);
            why.add(r.sloBreaches() + " interval(s) over the SLO" + (known ? String.format(Locale.ROOT,
                    " (the host took %.0f%%+ of the CPU in %d of them)", Recovery.STOLEN_PERCENT, stolen) : ""));
        }
        long expected = r.durationMillis() / r.sampleMillis();
        if (r.samples().size() < expected) {
            why.add("only " + r.samples().size() + " of " + expected + " samples taken");
        }
        return "NOT HELD: " + String.join("; ", why) + ".";
    }

    private static String mib(long kib) {
        return kib < 0 ? "-" : String.format(Locale.ROOT, "%.1f", kib / 1024.0);
    }

    private static String count(long n) {
        return n < 0 ? "-" : Long.toString(n);
    }
}
