package dev.tva.report.chart;

import dev.tva.report.Fmt;
import dev.tva.report.Method;
import dev.tva.report.ServerRow;
import dev.tva.report.Slo;
import dev.tva.report.Sourced;
import dev.tva.workloads.web.ServerId;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** p99 latency against the offered rate, per server, under the SLO line: where each server's knee is. */
public final class ServerSloChart {
    public static final String FILE = "servers-p99.svg";

    private ServerSloChart() {
    }

    /**
     * The server rows the report leans on: of one file (or tour section) and endpoint, {@code io} first, then
     * measured after a warm-up until steady, then the most offered rates, then the newest.
     */
    public static Optional<List<Sourced<ServerRow>>> pick(List<Sourced<ServerRow>> rows) {
        Map<List<String>, List<Sourced<ServerRow>>> groups = new LinkedHashMap<>();
        rows.forEach(s -> groups.computeIfAbsent(List.of(s.group(), s.value().endpoint()), k -> new java.util.ArrayList<>()).add(s));
        Comparator<List<Sourced<ServerRow>>> order = Comparator.<List<Sourced<ServerRow>>, Boolean>comparing(g -> "io".equals(g.get(0).value().endpoint()))
                .thenComparing(g -> g.get(0).file().method() != Method.OLDER)
                .thenComparingLong(g -> g.stream().mapToDouble(s -> s.value().targetPerSec()).distinct().count())
                .thenComparing(g -> g.get(0).value().env() == null ? "" : g.get(0).value().env().date());
        return groups.values().stream().max(order);
    }

    public static Optional<Figure> draw(List<Sourced<ServerRow>> all) {
        Optional<List<Sourced<ServerRow>>> picked = pick(all);
        if (picked.isEmpty()) {
            return Optional.empty();
        }
        List<Sourced<ServerRow>> rows = picked.get();
        XyChart chart = new XyChart();
        double lowRate = Double.MAX_VALUE;
        double highRate = 0;
        for (Sourced<ServerRow> s : rows.stream().sorted(Comparator.comparing((Sourced<ServerRow> s) -> ServerId.fromId(s.value().server()))
                .thenComparingDouble(s -> s.value().targetPerSec())).toList()) {
            ServerRow r = s.value();
            ServerId id = ServerId.fromId(r.server());
            double p99 = r.latencyMicros().p99() / 1000.0;
            chart.point(r.label() == null ? id.id() : r.label(), Palette.of(id), r.targetPerSec(), p99, p99, p99);
            if (!r.valid()) {
                chart.note(r.targetPerSec(), p99, "INVALID");
            }
            lowRate = Math.min(lowRate, r.targetPerSec());
            highRate = Math.max(highRate, r.targetPerSec());
        }
        String slo = "SLO: p99 " + Slo.P99_MILLIS + " ms";
        chart.line(slo, Palette.SLO, Palette.DASHED, lowRate, Slo.P99_MILLIS).line(slo, Palette.SLO, Palette.DASHED, highRate, Slo.P99_MILLIS);
        ServerRow first = rows.get(0).value();
        String title = "p99 latency against offered rate: GET " + first.path();
        String svg = Svg.render(chart.build(title, Axes.fromZero("offered rate (requests/s, open model)"), Axes.log("p99 latency (ms)")),
                "servers");
        String caption = "Each server in its own JVM under open-model load at fixed rates (latency from each request's intended"
                + " send time), " + Fmt.count(first.durationMillis() / 1000.0) + " s per rate; the dashed line is the SLO ("
                + Slo.P99_MILLIS + " ms at p99, lab servers' default). A server's knee is the rate where its p99 leaves the SLO."
                + " INVALID marks a rate with errors, timeouts or late sends. One run per rate: no interval.";
        return Optional.of(new Figure(FILE, "p99 latency against offered rate", caption,
                rows.stream().map(Sourced::file).toList(), svg));
    }
}
