package dev.tva.report.chart;

import dev.tva.report.Fmt;
import dev.tva.report.Inputs;
import dev.tva.report.Sourced;
import dev.tva.workloads.RunResult;
import dev.tva.workloads.WorkloadType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Database throughput against the connection pool's size, per model and tasks in flight, beside the pool's bound. */
public final class DatabaseChart {
    /*
     * From the db runs of one file (or section) that vary the pool (lab db-sweep writes them), without a
     * bulkhead: the group with the most pool sizes. The bound is Little's law for the pool: each connection
     * holds one query at a time, so pool / query time is the most any model can do, however many tasks wait.
     */
    public static final String FILE = "db-pool.svg";

    private DatabaseChart() {
    }

    public static Optional<Figure> draw(Inputs inputs) {
        Map<List<Object>, List<Sourced<RunResult>>> groups = new LinkedHashMap<>();
        for (Sourced<RunResult> s : inputs.runs()) {
            RunResult r = s.value();
            if (r.workload() == WorkloadType.DB && r.dbPool() != null && r.latencyMillis() != null
                    && (r.dbBulkhead() == null || r.dbBulkhead() == 0)) {
                groups.computeIfAbsent(java.util.Arrays.asList(s.group(), r.latencyMillis(), r.query()), k -> new ArrayList<>()).add(s);
            }
        }
        Optional<List<Sourced<RunResult>>> best = groups.values().stream().filter(g -> pools(g).size() >= 2)
                .max(Comparator.comparingInt((List<Sourced<RunResult>> g) -> pools(g).size()).thenComparingInt(List::size));
        if (best.isEmpty()) {
            return Optional.empty();
        }
        List<Sourced<RunResult>> runs = best.get();
        TreeSet<Integer> concurrencies = new TreeSet<>();
        runs.forEach(s -> concurrencies.add(s.value().concurrency()));
        XyChart chart = new XyChart();
        boolean intervals = true;
        for (Sourced<RunResult> s : runs.stream().sorted(Comparator.comparing((Sourced<RunResult> s) -> s.value().model())
                .thenComparingInt(s -> s.value().concurrency()).thenComparingInt(s -> s.value().dbPool())).toList()) {
            RunResult r = s.value();
            double shade = 0.4 + 0.6 * concurrencies.headSet(r.concurrency(), true).size() / concurrencies.size();
            double low = r.throughputLowPerSec() == null ? r.throughputPerSec() : r.throughputLowPerSec();
            double high = r.throughputHighPerSec() == null ? r.throughputPerSec() : r.throughputHighPerSec();
            intervals &= r.throughputLowPerSec() != null;
            chart.point(r.model().id() + ", " + Fmt.count(r.concurrency()) + " in flight", Palette.shade(r.model(), shade),
                    r.dbPool(), r.throughputPerSec(), low, high);
        }
        RunResult first = runs.get(0).value();
        for (int pool : pools(runs)) {
            chart.line("bound: pool / query time", Palette.BOUND, Palette.DASHED, pool, pool * 1000.0 / first.latencyMillis());
        }
        String what = "query " + first.query() + " " + first.latencyMillis() + " ms";
        String svg = Svg.render(chart.build("Database throughput against pool size: " + what,
                Axes.fromZero("connection pool size (connections)"), Axes.fromZero("throughput (tasks/s)")), "db");
        String caption = "Each task runs one query (" + what + ") through HikariCP; each connection holds one query at a time, so"
                + " pool / query time bounds every model, and with fewer tasks in flight than connections, in flight / query time."
                + (intervals ? " Error bars: 95% intervals." : " These runs were measured by the older method: no interval.");
        return Optional.of(new Figure(FILE, "Database throughput against pool size", caption,
                runs.stream().map(Sourced::file).toList(), svg));
    }

    private static TreeSet<Integer> pools(List<Sourced<RunResult>> runs) {
        TreeSet<Integer> pools = new TreeSet<>();
        runs.forEach(s -> pools.add(s.value().dbPool()));
        return pools;
    }
}
