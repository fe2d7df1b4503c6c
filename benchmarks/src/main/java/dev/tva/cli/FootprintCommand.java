package dev.tva.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tva.engine.Footprint;
import dev.tva.engine.PlatformThreadLimit;
import dev.tva.engine.Runner;
import dev.tva.engine.UserException;
import dev.tva.report.FootprintDoc;
import dev.tva.workloads.ChildOutput;
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
import java.time.Duration;
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
        List<Footprint.Result> results = new ArrayList<>();
        for (Model model : chosenModels) {
            for (int n : counts) {
                String limit = model == Model.PLATFORM ? PlatformThreadLimit.check(n) : null;
                Footprint.Result r = limit != null
                        ? new Footprint.Result(model.id(), n, null, null, null, null, null, null, null, null, null, limit, env)
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
        FootprintDoc.ratios(results).forEach(line -> out.println("What to notice: " + line));
        Object saved = results.size() == 1 ? results.get(0) : results;
        String name = "footprint" + (chosenModels.size() == 1 ? "-" + chosenModels.get(0).id() : "");
        out.println(Results.save(name, saved, json));
        return 0;
    }

    /*
     * Heap used after GC is read per byte only on G1. ZGC, the launcher's default, counts heap used in pages of
     * 2 MiB, so the timers of a few thousand event-loop tasks (a few hundred KiB) can read as 0 bytes. The child
     * JVM runs on G1 unless LAB_JAVA_OPTS chose a collector, as the measured figures in the README were run.
     */
    static List<String> onG1(List<String> javaCommand, String labJavaOpts) {
        List<String> command = new ArrayList<>(javaCommand);
        if (labJavaOpts != null && labJavaOpts.matches(".*-XX:\\+Use\\w*GC.*")) {
            return command;
        }
        command.removeIf(flag -> flag.equals("-XX:+UseZGC") || flag.endsWith("ZGenerational"));
        command.add(1, "-XX:+UseG1GC");
        return command;
    }

    /** Measures in a fresh JVM ({@code lab footprint --child}); the result comes back as JSON. */
    private static Footprint.Result inChild(Model model, int n) throws IOException, InterruptedException {
        Path file = Files.createTempFile("lab-footprint-", ".json");
        try {
            List<String> command = onG1(Runner.javaCommand(), System.getenv("LAB_JAVA_OPTS"));
            command.addAll(List.of(Lab.class.getName(), "footprint",
                    "--model", model.id(), "--tasks", Integer.toString(n), "--child", "--json", file.toString()));
            Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            ChildOutput errors = ChildOutput.copy(p.getErrorStream(), System.err, model.id() + " footprint");
            p.getOutputStream().close();
            int exit = p.waitFor();
            errors.awaitEnd(Duration.ofSeconds(2));
            if (exit != 0 || Files.size(file) == 0) {
                throw new UserException(UserException.FAILED, "the " + model.id() + " footprint of " + n
                        + " tasks failed in its own JVM (exit code " + exit + ")");
            }
            return JSON.readValue(file.toFile(), Footprint.Result.class);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
