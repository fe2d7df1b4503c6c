package dev.tva.report;

import dev.tva.engine.ServerBench;
import dev.tva.verdict.Verdict;
import dev.tva.workloads.Environment;
import dev.tva.workloads.Model;
import dev.tva.workloads.RunResult;

import java.util.List;
import java.util.Map;

/**
 * What {@code lab tour} writes to results JSON: every section, the restaurant's timings and the servers'
 * rows included, each with the verdict it printed, so two tours can be compared section by section.
 */
public record TourRecord(Restaurant restaurant, List<Section> sections, List<ServerBench.Row> servers, long seconds,
                  Environment env) {

    /** Section 1: the orders' waits, served one after another and then concurrently on each model. */
    public record Restaurant(long[] orderMillis, long sequentialMillis, Map<Model, Long> concurrentMillis) {
    }

    /** One workload on every model, and what the tour concluded from it. */
    public record Section(String id, List<RunResult> results, Verdict verdict) {
    }

    /**
     * True when every row of every model section was valid. The servers' rows are not counted: one server
     * is given fewer threads than its load needs, on purpose, and its row is INVALID by design.
     */
    public boolean valid() {
        return sections.stream().flatMap(s -> s.results().stream()).allMatch(RunResult::valid);
    }
}
