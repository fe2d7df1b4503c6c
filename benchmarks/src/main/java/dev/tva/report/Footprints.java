package dev.tva.report;

import dev.tva.workloads.Model;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** What the footprint measurements say about memory per parked task, over every run of them in the inputs. */
final class Footprints {

    /** A sentence about the footprint, and the file it leans on first. */
    record Finding(String sentence, List<InputFile> files, Model lightest) {
    }

    private Footprints() {
    }

    /**
     * At the largest count that both virtual and event-loop measured: what each held per task, and what a platform
     * thread held at the largest count it could start (or why it could not).
     */
    static Optional<Finding> largest(List<Sourced<FootprintRow>> rows) {
        Optional<Integer> count = rows.stream().map(s -> s.value().tasks()).distinct().sorted((a, b) -> b - a)
                .filter(t -> !measured(rows, Model.VIRTUAL, t).isEmpty() && !measured(rows, Model.EVENT_LOOP, t).isEmpty()).findFirst();
        if (count.isEmpty()) {
            return Optional.empty();
        }
        int tasks = count.get();
        List<FootprintRow> virtual = measured(rows, Model.VIRTUAL, tasks);
        List<FootprintRow> loop = measured(rows, Model.EVENT_LOOP, tasks);
        Model lightest = virtual.stream().mapToLong(FootprintRow::totalBytesPerTask).min().orElseThrow()
                < loop.stream().mapToLong(FootprintRow::totalBytesPerTask).min().orElseThrow() ? Model.VIRTUAL : Model.EVENT_LOOP;
        StringBuilder s = new StringBuilder("with " + Fmt.count(tasks) + " tasks parked at once, a virtual thread held "
                + range(virtual, FootprintRow::rssBytesPerTask) + " of resident memory and an event-loop task "
                + range(loop, FootprintRow::rssBytesPerTask));
        Optional<Integer> platformCount = rows.stream().map(Sourced::value)
                .filter(r -> Model.PLATFORM.id().equals(r.model()) && r.totalBytesPerTask() != null)
                .map(FootprintRow::tasks).max(Integer::compare);
        platformCount.ifPresent(t -> {
            List<FootprintRow> platform = measured(rows, Model.PLATFORM, t);
            s.append("; a platform thread held ").append(range(platform, FootprintRow::rssBytesPerTask)).append(" plus a kernel stack of ")
                    .append(range(platform, FootprintRow::kernelStackBytesPerTask)).append(" at ").append(Fmt.count(t));
        });
        boolean platformSkipped = rows.stream().map(Sourced::value)
                .anyMatch(r -> Model.PLATFORM.id().equals(r.model()) && r.tasks() == tasks && r.skipped() != null);
        if (platformSkipped) {
            s.append(", and ").append(Fmt.count(tasks)).append(" platform threads did not fit within the machine's thread limits");
        }
        s.append(" (one measurement per run: no interval)");
        return Optional.of(new Finding(s.toString(), files(rows), lightest));
    }

    /** The files the rows come from, in path order. */
    static List<InputFile> files(List<Sourced<FootprintRow>> rows) {
        return rows.stream().map(Sourced::file).distinct().sorted(java.util.Comparator.comparing(InputFile::path)).toList();
    }

    /** The measured rows of a model at a count, one per run. */
    static List<FootprintRow> measured(List<Sourced<FootprintRow>> rows, Model model, int tasks) {
        return rows.stream().map(Sourced::value)
                .filter(r -> model.id().equals(r.model()) && r.tasks() == tasks && r.totalBytesPerTask() != null).toList();
    }

    /** {@code 2,148 B} for one run, {@code 1,557 to 2,148 B (2 runs)} for several. */
    static String range(List<FootprintRow> rows, Function<FootprintRow, Long> field) {
        long low = rows.stream().map(field).mapToLong(v -> v == null ? 0 : v).min().orElseThrow();
        long high = rows.stream().map(field).mapToLong(v -> v == null ? 0 : v).max().orElseThrow();
        return low == high ? Fmt.count(low) + " B" : Fmt.count(low) + " to " + Fmt.count(high) + " B (" + rows.size() + " runs)";
    }
}
