package dev.tva.report;

import dev.tva.engine.IdleResult;
import dev.tva.engine.SlowlorisResult;
import dev.tva.report.chart.CpuCostChart;
import dev.tva.report.chart.ServerSloChart;
import dev.tva.workloads.RunResult;
import dev.tva.workloads.WorkloadType;

import java.util.List;
import java.util.Optional;

/**
 * The measurements the summary and the decision guide rest on, picked once from the inputs by fixed rules (see
 * {@link Comparison#best}), so that both cite the same numbers from the same files.
 *
 * @param sleep      the comparison of models on timer waits
 * @param http       the comparison on backend calls (the lean client when there is one)
 * @param cpu        the comparison on CPU-bound work
 * @param db         the comparison on database queries, without a bulkhead
 * @param servers    the server rows of one file and endpoint ({@code io} first)
 * @param clients    runs of one work with both clients
 * @param footprint  every footprint measurement
 * @param pinning    JMH's pinning benchmark: a blocking class initializer, synchronized, and unpinned
 * @param dbRuns     every database run, for what a bulkhead changes
 * @param slowloris  the slowloris runs of one file (the last), measured together
 * @param idle       the idle-connection runs of one file (the last), measured together
 */
public record Evidence(Optional<Comparison> sleep, Optional<Comparison> http, Optional<Comparison> cpu, Optional<Comparison> db,
                       Optional<List<Sourced<ServerRow>>> servers, Optional<List<Sourced<RunResult>>> clients,
                       List<Sourced<FootprintRow>> footprint, Optional<Pinning> pinning, List<Sourced<RunResult>> dbRuns,
                       List<Sourced<SlowlorisResult>> slowloris, List<Sourced<IdleResult>> idle) {

    /** The three scores of the pinning benchmark, from one JMH file. */
    public record Pinning(JmhScore initializer, JmhScore synchronizedScore, JmhScore unpinned, InputFile file) {
    }

    /** Every file a finding or a decision may cite, sorted by path. */
    public java.util.SortedSet<String> files() {
        java.util.SortedSet<String> files = new java.util.TreeSet<>();
        java.util.stream.Stream.of(sleep, http, cpu, db).flatMap(Optional::stream).forEach(c -> files.add(c.file().path()));
        servers.ifPresent(rows -> rows.forEach(s -> files.add(s.file().path())));
        clients.ifPresent(rows -> rows.forEach(s -> files.add(s.file().path())));
        footprint.forEach(s -> files.add(s.file().path()));
        pinning.ifPresent(p -> files.add(p.file().path()));
        dbRuns.stream().filter(s -> s.value().errors() > 0 || (s.value().dbBulkhead() != null && s.value().dbBulkhead() > 0))
                .forEach(s -> files.add(s.file().path()));
        slowloris.forEach(s -> files.add(s.file().path()));
        if (!slowloris.isEmpty()) {
            idle.forEach(s -> files.add(s.file().path()));
        }
        return files;
    }

    public static Evidence of(Inputs inputs) {
        List<Comparison> all = Comparison.all(inputs);
        return new Evidence(Comparison.best(all, WorkloadType.SLEEP), Comparison.best(all, WorkloadType.HTTP),
                Comparison.best(all, WorkloadType.CPU), Comparison.best(all, WorkloadType.DB), ServerSloChart.pick(inputs.servers()),
                CpuCostChart.pick(inputs), inputs.footprints(), pinning(inputs),
                inputs.runs().stream().filter(s -> s.value().workload() == WorkloadType.DB).toList(),
                lastFile(inputs.reliability().slowloris()), lastFile(inputs.reliability().idles()));
    }

    /** The records of the last file that holds any (paths sort by their timestamp), or none. */
    private static <T> List<Sourced<T>> lastFile(List<Sourced<T>> all) {
        return all.isEmpty() ? List.of() : all.stream().filter(s -> s.file().equals(all.getLast().file())).toList();
    }

    /** The pinning scores of the last JMH file that has all three (files are sorted by name: a timestamp). */
    private static Optional<Pinning> pinning(Inputs inputs) {
        Optional<Pinning> last = Optional.empty();
        for (InputFile file : inputs.files()) {
            Optional<JmhScore> initializer = method(inputs, file, "classInitializerPins");
            Optional<JmhScore> sync = method(inputs, file, "synchronizedPinsBeforeJdk24");
            Optional<JmhScore> unpinned = method(inputs, file, "unpinned");
            if (initializer.isPresent() && sync.isPresent() && unpinned.isPresent()) {
                last = Optional.of(new Pinning(initializer.get(), sync.get(), unpinned.get(), file));
            }
        }
        return last;
    }

    private static Optional<JmhScore> method(Inputs inputs, InputFile file, String name) {
        return inputs.jmh().stream().filter(s -> s.file().equals(file)).map(Sourced::value)
                .filter(s -> "PinningBenchmark".equals(s.suite()) && name.equals(s.method())).findFirst();
    }
}
