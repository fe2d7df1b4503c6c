package dev.tva.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tva.engine.Footprint.Result;
import dev.tva.workloads.Model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The footprint's "what to notice" lines, and its section of docs/benchmarks.md, computed from measured results. */
public final class FootprintDoc {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FootprintDoc() {
    }

    /** The lab's target: a parked virtual thread or event-loop task holds at least this many times less memory than a platform thread. */
    public static final int TARGET_RATIO = 50;

    /** For each count that platform threads and another model both ran: how many times cheaper the other model's task was. */
    public static List<String> ratios(List<Result> results) {
        List<String> lines = new ArrayList<>();
        for (Result p : results) {
            if (!p.model().equals(Model.PLATFORM.id()) || p.skipped() != null) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (Result o : results) {
                if (o.tasks() == p.tasks() && !o.model().equals(p.model()) && o.skipped() == null && o.totalBytesPerTask() > 0) {
                    parts.add(String.format(Locale.ROOT, "%s %,d B (%.0fx less)", o.model(), o.totalBytesPerTask(),
                            (double) p.totalBytesPerTask() / o.totalBytesPerTask()));
                }
            }
            if (!parts.isEmpty()) {
                lines.add(String.format(Locale.ROOT, "at %,d parked tasks, a platform thread held %,d B (rss + kernel stack), %s.",
                        p.tasks(), p.totalBytesPerTask(), String.join(", ", parts)));
            }
        }
        for (Model model : List.of(Model.VIRTUAL, Model.EVENT_LOOP)) {
            double least = Double.MAX_VALUE;
            for (Result p : results) {
                for (Result o : results) {
                    if (p.model().equals(Model.PLATFORM.id()) && o.model().equals(model.id()) && p.tasks() == o.tasks()
                            && p.skipped() == null && o.skipped() == null && o.totalBytesPerTask() > 0) {
                        least = Math.min(least, (double) p.totalBytesPerTask() / o.totalBytesPerTask());
                    }
                }
            }
            if (least < Double.MAX_VALUE) {
                lines.add(String.format(Locale.ROOT, "%s: at least %.0fx less memory per parked task than a platform thread at every "
                        + "count measured; the target of %dx less %s.", model.id(), least, TARGET_RATIO,
                        least >= TARGET_RATIO ? "is met" : "is not met"));
            }
        }
        return lines;
    }

    /** The footprint section of docs/benchmarks.md, from a {@code lab footprint --json} file (one result or an array). */
    public static String markdown(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        List<JsonNode> rows = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(rows::add);
        } else {
            rows.add(root);
        }
        JsonNode env = rows.get(0).path("env");
        StringBuilder md = new StringBuilder("## Footprint: memory per parked task\n\n");
        md.append("From `").append(file.toString().replace('\\', '/')).append("`, written by `./lab footprint --json` on ")
                .append(env.path("date").asText()).append(" (").append(env.path("jdk").asText()).append(", ")
                .append(env.path("cores").asInt()).append(" cores, commit `").append(env.path("commit").asText()).append("`). ")
                .append("Each row parked N tasks in a fresh JVM: platform or virtual threads blocked on a latch, or timers with a promise "
                        + "pending on the event loops. Heap is heap used after GC; RSS is the whole process's resident memory; both are "
                        + "parked minus before, divided by N. Each row is a single measurement, without an error interval, so the "
                        + "ratios below compare single measurements.\n\n");
        md.append("| model | tasks | heap B/task | RSS B/task | kernel stack B/task |\n|---|---:|---:|---:|---:|\n");
        for (JsonNode r : rows) {
            md.append("| ").append(r.path("model").asText()).append(" | ").append(String.format(Locale.ROOT, "%,d", r.path("tasks").asInt()));
            if (!r.path("skipped").isNull() && !r.path("skipped").isMissingNode()) {
                md.append(" | not run: ").append(r.path("skipped").asText()).append(" | | |\n");
            } else {
                md.append(String.format(Locale.ROOT, " | %,d | %,d | %,d |%n", r.path("heapBytesPerTask").asLong(),
                        r.path("rssBytesPerTask").asLong(), r.path("kernelStackBytesPerTask").asLong()));
            }
        }
        md.append('\n');
        List<Result> results = new ArrayList<>();
        for (JsonNode r : rows) {
            results.add(JSON.treeToValue(r, Result.class));
        }
        List<String> lines = ratios(results);
        if (!lines.isEmpty()) {
            md.append("What to notice:\n\n");
            lines.forEach(l -> md.append("- ").append(l.substring(0, 1).toUpperCase(Locale.ROOT)).append(l.substring(1)).append('\n'));
            md.append('\n');
        }
        return md.toString();
    }
}
