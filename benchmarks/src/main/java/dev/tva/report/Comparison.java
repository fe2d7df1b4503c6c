package dev.tva.report;

import dev.tva.verdict.ModelVerdicts;
import dev.tva.verdict.Verdict;
import dev.tva.workloads.Model;
import dev.tva.workloads.RunResult;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs of the same work measured together (one file, or one section of a tour), one per model: the unit every
 * claim about models is made from, with the lab's one rule for a difference ({@link ModelVerdicts}).
 */
public record Comparison(Work work, String group, InputFile file, List<RunResult> rows) {

    public Comparison {
        rows = List.copyOf(rows);
    }

    /** Every comparison of at least two models in the inputs, in file order; the first run of each model in a group counts. */
    public static List<Comparison> all(Inputs inputs) {
        Map<List<Object>, Map<Model, Sourced<RunResult>>> groups = new LinkedHashMap<>();
        for (Sourced<RunResult> s : inputs.runs()) {
            groups.computeIfAbsent(List.of(s.group(), Work.of(s.value())), k -> new LinkedHashMap<>())
                    .putIfAbsent(s.value().model(), s);
        }
        return groups.values().stream().filter(g -> g.size() >= 2).map(g -> {
            Sourced<RunResult> first = g.values().iterator().next();
            List<RunResult> rows = g.values().stream().map(Sourced::value)
                    .map(r -> r.label() == null ? r.labelled(r.model().id()) : r)
                    .sorted(Comparator.comparing(RunResult::model)).toList();
            return new Comparison(Work.of(first.value()), first.group(), first.file(), rows);
        }).toList();
    }

    /**
     * The comparison of {@code workload} that the report leans on: all three models first, then measured by the
     * current method, then the lean client (the model's own cost), then the most measured windows, then the newest.
     */
    public static Optional<Comparison> best(List<Comparison> all, dev.tva.workloads.WorkloadType workload) {
        Comparator<Comparison> order = Comparator.<Comparison>comparingInt(c -> c.rows.size())
                .thenComparing(c -> c.file.method() == Method.WINDOWS)
                .thenComparing(c -> c.work.client() != dev.tva.workloads.Client.LIBRARY)
                .thenComparingInt(Comparison::windows)
                .thenComparing(c -> c.rows.get(0).env() == null || c.rows.get(0).env().date() == null ? "" : c.rows.get(0).env().date())
                .thenComparing(Comparator.comparing(Comparison::group).reversed());
        return all.stream().filter(c -> c.work.workload() == workload && (c.work.dbBulkhead() == null || isZero(c.work.dbBulkhead())))
                .max(order);
    }

    private static boolean isZero(Integer i) {
        return i != null && i == 0;
    }

    /** Measured windows over every row and fork. */
    public int windows() {
        return rows.stream().mapToInt(r -> r.windows() * Math.max(1, r.forks())).sum();
    }

    /** The lab's verdict on these rows (leaders, trailing), by the rule of {@link ModelVerdicts}. */
    public Verdict verdict() {
        return ModelVerdicts.compare(rows);
    }

    /** The row of {@code model}, if it ran. */
    public Optional<RunResult> row(Model model) {
        return rows.stream().filter(r -> r.model() == model).findFirst();
    }

    /** The rows the verdict puts in the lead, fastest first. */
    public List<RunResult> leaders() {
        List<String> labels = verdict().leaders();
        return labels.stream().map(l -> rows.stream().filter(r -> r.label().equals(l)).findFirst().orElseThrow()).toList();
    }

    /** The rows the verdict says trail, slowest last. */
    public List<RunResult> trailing() {
        List<String> labels = verdict().trailing();
        return labels.stream().map(l -> rows.stream().filter(r -> r.label().equals(l)).findFirst().orElseThrow()).toList();
    }
}
