package dev.tva.report;

import dev.tva.workloads.Model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The decision guide's answer to a memory budget per connection: bytes per parked task of each model at one count. */
final class Budget {

    private Budget() {
    }

    /** At the largest count every model measured: each model's resident memory (and kernel stack) per task; the lightest wins. */
    static Optional<Decision> perConnection(List<Sourced<FootprintRow>> rows, Links links) {
        Optional<Integer> count = rows.stream().map(s -> s.value().tasks()).distinct().sorted(Comparator.reverseOrder())
                .filter(t -> List.of(Model.values()).stream().allMatch(m -> !Footprints.measured(rows, m, t).isEmpty())).findFirst();
        if (count.isEmpty()) {
            return Optional.empty();
        }
        int tasks = count.get();
        List<String> parts = new ArrayList<>();
        Model lightest = null;
        long least = Long.MAX_VALUE;
        for (Model m : Model.values()) {
            List<FootprintRow> measured = Footprints.measured(rows, m, tasks);
            boolean stack = measured.stream().anyMatch(r -> r.kernelStackBytesPerTask() != null && r.kernelStackBytesPerTask() > 1024);
            parts.add(m.id() + " " + Footprints.range(measured, FootprintRow::rssBytesPerTask)
                    + (stack ? " plus a kernel stack of " + Footprints.range(measured, FootprintRow::kernelStackBytesPerTask) : ""));
            long worst = measured.stream().mapToLong(FootprintRow::totalBytesPerTask).max().orElseThrow();
            if (worst < least) {
                least = worst;
                lightest = m;
            }
        }
        String reason = "Resident memory per parked task with " + Fmt.count(tasks) + " parked: " + String.join("; ", parts)
                + " (one measurement per run: no interval).";
        return Optional.of(new Decision(Situation.MEMORY_BUDGET, lightest.id(), reason, links.files(Footprints.files(rows)),
                "Memory of a parked task only: what each request's own data needs comes on top."));
    }
}
