package dev.tva.report.chart;

import dev.tva.engine.OverloadResult;
import dev.tva.engine.Recovery;
import dev.tva.report.InputFile;
import dev.tva.report.Sourced;
import dev.tva.workloads.Environment;
import dev.tva.workloads.web.ServerId;
import org.jfree.chart.axis.NumberAxis;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** The p99 of each second of an overload run, per server, with the SLO and the moment the rate drops: how each server recovers. */
public final class OverloadChart {
    public static final String FILE = "overload-p99.svg";

    private OverloadChart() {
    }

    /**
     * The runs of one overload file, drawn together: they were measured together. The file is the one run as
     * {@code ./lab overload} runs by default (on cores shared by all, not placed with {@code --cpus}), with the most
     * servers (a run of one server kept to study it is not the comparison), and of those the one measured last
     * (by the dates in its records, not its name: a file kept under a commit's name sorts anywhere).
     */
    public static Optional<Figure> draw(List<Sourced<OverloadResult>> all) {
        if (all.isEmpty()) {
            return Optional.empty();
        }
        InputFile file = all.stream().map(Sourced::file).distinct()
                .max(Comparator.comparing((InputFile f) -> !placed(all, f)).thenComparing(f -> servers(all, f))
                        .thenComparing(OverloadChart::measured)).orElseThrow();
        List<OverloadResult> runs = all.stream().filter(s -> s.file().equals(file)).map(Sourced::value).toList();
        XyChart chart = new XyChart();
        double low = Double.MAX_VALUE;
        double high = 0;
        int last = 1;
        for (OverloadResult r : runs) {
            for (Recovery.Second s : r.timeline()) {
                last = Math.max(last, s.second());
                if (s.answers() == 0) {
                    continue; // no answer ended in that second: no p99 to draw
                }
                double p99 = s.p99Micros() / 1000.0;
                chart.point(r.label(), Palette.of(ServerId.fromId(r.server())), s.second(), p99, p99, p99);
                if (s.failures() > 0 || s.stolen()) {
                    chart.note(s.second(), p99, (s.failures() > 0 ? "x" : "") + (s.stolen() ? "^" : ""));
                }
                low = Math.min(low, p99);
                high = Math.max(high, p99);
            }
        }
        if (high == 0) {
            return Optional.empty();
        }
        OverloadResult first = runs.get(0);
        double slo = first.sloMillis();
        double drop = first.overMillis() / 1000.0;
        String sloName = "SLO: p99 " + first.sloMillis() + " ms";
        chart.line(sloName, Palette.SLO, Palette.DASHED, 0, slo).line(sloName, Palette.SLO, Palette.DASHED, last, slo);
        String dropName = "the rate drops to half the capacity";
        chart.line(dropName, Palette.BOUND, Palette.DASHED, drop, Math.min(low, slo)).line(dropName, Palette.BOUND, Palette.DASHED, drop,
                Math.max(high, slo));
        String title = "p99 of each second: twice the capacity, then half of it (GET " + first.path() + ")";
        NumberAxis seconds = Axes.fromZero("seconds since the first request was due");
        seconds.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        String svg = Svg.render(chart.build(title, seconds, Axes.log("p99 latency (ms)")), "overload");
        String caption = "Each point is the p99 of the answers that ended in that second, from each request's intended send time"
                + " (open model); x marks a point whose second also had errors or timeouts, ^ one in which the machine's host took "
                + String.format(Locale.ROOT, "%.0f", Recovery.STOLEN_PERCENT) + "% or more of its CPU (steal time, where recorded),"
                + " and a second with no answer (all its requests"
                + " failed or were still waiting) has no point. Left of the"
                + " black dashed line the rate is twice the server's capacity, right of it half; recovery is the time from that line"
                + " until the p99 stays under the SLO (red). One run per server, "
                + (placed(all, file) ? "on the CPUs --cpus " + first.load().cpus() + " gave each process." : "on cores shared with the load generator.");
        return Optional.of(new Figure(FILE, "Overload: p99 of each second", caption, List.of(file), svg));
    }

    /** Whether the file's runs were placed on CPUs of their own ({@code --cpus}). */
    private static boolean placed(List<Sourced<OverloadResult>> all, InputFile file) {
        return all.stream().filter(s -> s.file().equals(file)).anyMatch(s -> s.value().load().cpus() != null);
    }

    /** How many servers the file's runs cover. */
    private static long servers(List<Sourced<OverloadResult>> all, InputFile file) {
        return all.stream().filter(s -> s.file().equals(file)).map(s -> s.value().server()).distinct().count();
    }

    /** The latest date among the file's records (ISO-8601 in UTC, so they sort as text); empty when none is recorded. */
    private static String measured(InputFile file) {
        return file.envs().stream().map(Environment::date).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse("");
    }
}
