package dev.tva.cli;

import dev.tva.engine.CrossoverGrid;
import dev.tva.engine.CrossoverResult;
import dev.tva.engine.CrossoverSweep;
import dev.tva.engine.Runner;
import dev.tva.engine.UserException;
import dev.tva.report.CrossoverLines;
import dev.tva.report.Describe;
import dev.tva.workloads.CpuPlacement;
import dev.tva.workloads.Experiment;
import dev.tva.workloads.Model;
import dev.tva.workloads.Results;
import dev.tva.workloads.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code lab crossover}: the share of each task spent waiting against the tasks in flight, every cell run on
 * the three models, and a map of which model leads where.
 */
@Command(name = "crossover", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sweeps the share of each task spent waiting (a backend call, then CPU work: 20 ms in all) against the tasks in flight,"
                + " runs platform, virtual and event-loop in every cell, and prints which model leads where.",
                "Example: lab crossover --quick --json crossover.json"})
final class CrossoverCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--quick", description = "the small grid: 3 wait shares x 3 counts of tasks in flight, short windows (27 runs, each in a JVM of its own)")
    boolean quick;

    @Option(names = "--forks", paramLabel = "N", converter = Converters.PositiveInt.class, defaultValue = "1",
            description = "run each model of each cell in N fresh JVMs; its interval covers every window of every fork (default: ${DEFAULT-VALUE})")
    int forks;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the sweep here (it always goes under results/)")
    Path json;

    @Mixin
    Options.ModelOptions models;

    @Mixin
    CpusOption cpus;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        requireWritable(json);
        CpuPlacement placement = cpus.placement(CpuPlacement.Layout.RUN);
        models.fitLoopsTo(placement);
        CrossoverGrid grid = (quick ? CrossoverGrid.QUICK : CrossoverGrid.FULL).withForks(forks);
        out.printf(Locale.ROOT, "crossover: each task a backend call, then CPU work, %d ms in all | wait shares %s x tasks in flight %s:"
                        + " %d cells | %s, virtual, %s | each run in its own JVM%n  %s%n",
                CrossoverGrid.TASK_MICROS / 1000, join(grid.waitShares().stream().map(CrossoverSweep::share)),
                join(grid.concurrencies().stream().map(c -> String.format(Locale.ROOT, "%,d", c))), grid.cells(),
                models.spec(Model.PLATFORM).label(), models.spec(Model.EVENT_LOOP).label(), Describe.measurement(grid.measurement()));
        CrossoverResult sweep;
        try (Runner runner = new Runner(out, err, Duration.ofSeconds(30), null, null, true)) {
            runner.place(placement);
            if (placement.placed()) {
                out.println(placement.describe());
            }
            sweep = CrossoverSweep.run(runner, models.models(), grid, err, cell -> {
                out.println("  " + CrossoverLines.line(cell));
                out.flush();
            });
            out.printf("%nWho leads where (rows: share of each task spent waiting; columns: tasks in flight):%n");
            out.print(CrossoverLines.map(sweep.cells(), "  "));
            out.println("  " + runner.env().oneLine() + "; the models, the driver and the backend share these cores");
        }
        try {
            out.println(Results.save(CrossoverResult.KIND, sweep, json));
        } catch (IOException e) {
            throw new UserException(UserException.FAILED, "cannot write the results (" + Experiment.describe(e) + ")");
        }
        boolean valid = sweep.cells().stream().flatMap(c -> c.results().stream()).allMatch(RunResult::valid);
        return valid ? 0 : UserException.FAILED;
    }

    private static String join(Stream<String> values) {
        return values.collect(Collectors.joining(", "));
    }

    /** Fails before any run, in one line, when {@code file} cannot be written: a sweep of minutes is not lost at its end. */
    private static void requireWritable(Path file) {
        if (file == null) {
            return;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (Files.isDirectory(file) || (Files.exists(file) ? !Files.isWritable(file) : !Files.isWritable(parent))) {
                throw new IOException("not a writable file");
            }
        } catch (IOException e) {
            throw new UserException(UserException.BAD_INPUT, "cannot write --json " + file + " (" + Experiment.describe(e)
                    + "); give a file in a folder you can write to");
        }
    }
}
