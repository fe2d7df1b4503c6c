package dev.tva.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tva.workloads.Environment;
import dev.tva.workloads.Model;
import dev.tva.workloads.Results;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code lab footprint}: memory per parked task, each model and count measured in a fresh JVM. */
@Command(name = "footprint", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Parks N tasks (threads blocked on a latch, or timers pending on event loops), then measures heap used after GC "
                + "and the process's resident memory, and reports bytes per parked task.",
                "Each model and count runs in a JVM of its own, started with this one's flags."})
final class FootprintCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The lab's target: a parked virtual thread or event-loop task holds at least this many times less memory than a platform thread. */
    static final int TARGET_RATIO = 50;

    @Spec
    CommandSpec spec;

    @Option(names = "--model", split = ",", converter = Converters.ModelConverter.class, paramLabel = "MODEL",
            description = "platform, virtual, event-loop; repeat or separate with commas (default: all three)")
    List<Model> models;

    @Option(names = "--tasks", split = ",", converter = Converters.PositiveInt.class, paramLabel = "N",
            description = "parked tasks, >= 1; repeat or separate with commas (default: 1000,10000,100000)")
    List<Integer> tasks;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the result JSON here")
    Path json;

    @Option(names = "--child", hidden = true, description = "measure here, in this JVM, and write --json (used by the parent)")
    boolean child;

    /** One measurement; {@code skipped} says why a count was not run (the per-task fields are then null). */
    record Result(String model, int tasks, Long heapBytesPerTask, Long rssBytesPerTask, Long kernelStackBytesPerTask,
                  Long heapBytesBefore, Long heapBytesAfter, Long rssBytesBefore, Long rssBytesAfter, Integer liveThreadsAfter,
                  Long parkMillis, String skipped, Environment env) {

        /** What one parked task costs the machine: resident memory plus the kernel stack of an OS thread. */
        Long totalBytesPerTask() {
            return rssBytesPerTask == null ? null : rssBytesPerTask + Math.max(0, kernelStackBytesPerTask == null ? 0 : kernelStackBytesPerTask);
        }
    }

    @Override
    public Integer call() throws Exception {
        List<Model> chosenModels = models == null ? List.of(Model.values()) : models;
        List<Integer> counts = tasks == null ? List.of(1_000, 10_000, 100_000) : tasks;
        if (child) {
            if (chosenModels.size() != 1 || counts.size() != 1 || json == null) {
                throw new UserException(UserException.BAD_INPUT, "--child takes one --model, one --tasks and --json");
            }
            Results.write(json, Footprint.measure(chosenModels.get(0), counts.get(0)));
            return 0;
        }
        PrintWriter out = spec.commandLine().getOut();
        Environment env = Environment.current();
        out.println("lab footprint: " + env.oneLine());
        out.printf("%-11s %9s %12s %12s %14s %9s%n", "model", "tasks", "heap B/task", "rss B/task", "kstack B/task", "park ms");
        List<Result> results = new ArrayList<>();
        for (Model model : chosenModels) {
            for (int n : counts) {
                String limit = model == Model.PLATFORM ? PlatformThreadLimit.check(n) : null;
                Result r = limit != null
                        ? new Result(model.id(), n, null, null, null, null, null, null, null, null, null, limit, env)
                        : inChild(model, n);
                results.add(r);
                out.println(r.skipped() != null
                        ? String.format(Locale.ROOT, "%-11s %,9d  not run: %s", r.model(), r.tasks(), r.skipped())
                        : String.format(Locale.ROOT, "%-11s %,9d %,12d %,12d %,14d %,9d", r.model(), r.tasks(), r.heapBytesPerTask(),
                                r.rssBytesPerTask(), r.kernelStackBytesPerTask(), r.parkMillis()));
                out.flush();
            }
        }
        out.println("heap = heap used after GC, parked minus before; rss = the process's resident memory, parked minus before;");
        out.println("kstack = the kernel's thread stacks (/proc/meminfo KernelStack, machine-wide), parked minus before. Each row in a fresh JVM.");
        ratios(results).forEach(line -> out.println("What to notice: " + line));
        Object saved = results.size() == 1 ? results.get(0) : results;
        String name = "footprint" + (chosenModels.size() == 1 ? "-" + chosenModels.get(0).id() : "");
        out.println(Results.save(name, saved, json));
        return 0;
    }

    /** For each count that platform threads and another model both ran: how many times cheaper the other model's task was. */
    static List<String> ratios(List<Result> results) {
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

    /** Measures in a fresh JVM ({@code lab footprint --child}); the result comes back as JSON. */
    private static Result inChild(Model model, int n) throws IOException, InterruptedException {
        Path file = Files.createTempFile("lab-footprint-", ".json");
        try {
            List<String> command = new ArrayList<>(Runner.javaCommand());
            command.addAll(List.of(Lab.class.getName(), "footprint",
                    "--model", model.id(), "--tasks", Integer.toString(n), "--child", "--json", file.toString()));
            Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            p.getOutputStream().close();
            int exit = p.waitFor();
            if (exit != 0 || Files.size(file) == 0) {
                throw new UserException(UserException.FAILED, "the " + model.id() + " footprint of " + n
                        + " tasks failed in its own JVM (exit code " + exit + ")");
            }
            return JSON.readValue(file.toFile(), Result.class);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The footprint section of docs/benchmarks.md, from a {@code lab footprint --json} file (one result or an array). */
    static String markdown(Path file) throws IOException {
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
