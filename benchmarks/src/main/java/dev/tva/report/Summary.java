package dev.tva.report;

import dev.tva.report.chart.CpuCostChart;
import dev.tva.report.chart.CpuParityChart;
import dev.tva.report.chart.FootprintChart;
import dev.tva.report.chart.LatencyChart;
import dev.tva.report.chart.ServerSloChart;
import dev.tva.verdict.ClientCost;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The report's findings: one sentence each, computed from the evidence, with its number, its interval and its backing. */
public final class Summary {

    private Summary() {
    }

    public static List<String> findings(Evidence e, Links links) {
        List<String> findings = new ArrayList<>();
        e.sleep().ifPresent(c -> findings.add("**Waiting on a timer** (" + c.work().describe() + "): " + Sentences.verdict(c)
                + " " + links.backing(LatencyChart.fileName(c), c.file()) + "."));
        e.http().ifPresent(c -> findings.add("**Waiting on a backend call** (" + c.work().describe() + "): " + Sentences.verdict(c)
                + " " + links.backing(LatencyChart.fileName(c), c.file()) + "."));
        e.cpu().ifPresent(c -> findings.add("**Computing** (" + c.work().describe() + "): " + Sentences.verdict(c)
                + "; async adds no cores " + links.backing(CpuParityChart.FILE, c.file()) + "."));
        e.db().ifPresent(c -> findings.add("**A database behind a pool** (" + c.work().describe() + "): " + Sentences.verdict(c)
                + " " + links.backing(LatencyChart.fileName(c), c.file()) + "."));
        e.servers().flatMap(Summary::servers).ifPresent(s -> findings.add(s + " " + links.backing(ServerSloChart.FILE,
                e.servers().get().get(0).file()) + "."));
        Footprints.largest(e.footprint()).ifPresent(f -> findings.add("**Memory per waiting task**: " + f.sentence() + " "
                + links.chart(FootprintChart.FILE).orElse(links.files(f.files())) + "."));
        e.clients().ifPresent(rows -> findings.add("**CPU per request** (" + Work.of(rows.get(0).value()).describe()
                .replace(", " + rows.get(0).value().client().id() + " client", "") + "): "
                + ClientCost.of(rows.stream().map(Sourced::value).toList()).stream().map(ClientCost::text)
                .collect(Collectors.joining("; ")) + " (CPU time over the measured windows: no interval) "
                + links.backing(CpuCostChart.FILE, rows.get(0).file()) + "."));
        return findings;
    }

    /** Which servers held the SLO up to which rate, and what the others reached. */
    static Optional<String> servers(List<Sourced<ServerRow>> rows) {
        ServerRow first = rows.get(0).value();
        double top = rows.stream().mapToDouble(s -> s.value().targetPerSec()).max().orElseThrow();
        List<String> held = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (String server : rows.stream().map(s -> s.value().server()).distinct().toList()) {
            List<ServerRow> own = rows.stream().map(Sourced::value).filter(r -> r.server().equals(server)).toList();
            ServerRow atTop = own.stream().filter(r -> r.targetPerSec() == top).findFirst().orElse(own.get(own.size() - 1));
            double heldUpTo = own.stream().filter(r -> r.meets(Slo.P99_MILLIS)).mapToDouble(ServerRow::targetPerSec).max().orElse(0);
            String label = atTop.label() == null ? server : atTop.label();
            if (atTop.meets(Slo.P99_MILLIS)) {
                held.add(label + " " + Fmt.ms(atTop.latencyMicros().p99()) + " ms");
            } else {
                missed.add(label + " held it up to " + (heldUpTo == 0 ? "no rate asked" : Fmt.count(heldUpTo) + "/s")
                        + ", and at " + Fmt.count(top) + "/s reached p99 " + Fmt.ms(atTop.latencyMicros().p99()) + " ms"
                        + (atTop.valid() ? "" : " (invalid: errors, timeouts or late sends)"));
            }
        }
        if (held.isEmpty() && missed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("**Servers under a latency objective** (GET " + first.path() + ", open-model load, one run per rate: no"
                + " interval): " + (held.isEmpty() ? "no server held p99 within " + Slo.P99_MILLIS + " ms at " + Fmt.count(top) + "/s"
                : "at " + Fmt.count(top) + "/s, the highest rate offered, p99 stayed within the " + Slo.P99_MILLIS + " ms SLO on "
                + String.join(", ", held)) + (missed.isEmpty() ? "" : "; " + String.join("; ", missed)));
    }
}
