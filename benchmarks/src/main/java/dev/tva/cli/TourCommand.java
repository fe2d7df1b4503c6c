package dev.tva.cli;

import dev.tva.engine.Models;
import dev.tva.engine.Runner;
import dev.tva.engine.ServerBench;
import dev.tva.engine.UserException;
import dev.tva.lessons.RestaurantSection;
import dev.tva.lessons.TourSections;
import dev.tva.lessons.TourSettings;
import dev.tva.report.Describe;
import dev.tva.report.TourRecord;
import dev.tva.workloads.CpuPlacement;
import dev.tva.workloads.Model;
import dev.tva.workloads.Results;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code lab tour}: the guided comparison. Waiting (the tutorial's restaurant), I/O-bound work at
 * 10,000 concurrent tasks, and CPU-bound work, each on the three models, each ending with what to notice.
 */
@Command(name = "tour", mixinStandardHelpOptions = true, sortOptions = false,
        description = "The guided comparison, under two minutes: waiting, I/O-bound, CPU-bound and database work on platform threads, virtual threads and event loops, then three servers under load.")
final class TourCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Options.ModelOptions models;

    @Option(names = "--json", paramLabel = "FILE", description = "also write every run's result here (they always go under results/)")
    Path json;

    @Mixin
    CpusOption cpus;

    @Option(names = "--backend", paramLabel = "URL",
            description = "use this running backend (see `lab backend`) instead of starting one in its own JVM")
    java.net.URI backend;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        TourSettings s = TourSettings.DEFAULT;
        CpuPlacement modelsPlacement = cpus.placement(CpuPlacement.Layout.RUN);
        CpuPlacement serversPlacement = cpus.placement(CpuPlacement.Layout.SERVERS);
        models.fitLoopsTo(modelsPlacement);
        Models chosen = models.models();
        long started = System.nanoTime();
        List<TourRecord.Section> sections = new ArrayList<>();
        try (Runner runner = new Runner(out, spec.commandLine().getErr(), Duration.ofSeconds(30), backend, null, true)) {
            out.println("Threads vs Async Lab: the tour. " + runner.env().oneLine());
            runner.place(modelsPlacement);
            if (modelsPlacement.placed()) {
                out.println("Models: " + modelsPlacement.describe() + "; servers: " + serversPlacement.describe());
            }
            out.printf("Models: %s | virtual (a virtual thread per task) | %s. Each run below has a JVM of its own.%n",
                    chosen.spec(Model.PLATFORM).label(), chosen.spec(Model.EVENT_LOOP).label());
            out.printf("Every row: %s.%n%n", Describe.measurement(s.measurement()));

            TourRecord.Restaurant restaurant = RestaurantSection.restaurant(out, chosen);

            out.printf("%n2. I/O-bound: many tasks in flight at once, each waiting%n");
            sections.add(TourSections.sleep(out, runner, chosen, s));
            sections.add(TourSections.http(out, runner, chosen, s));
            sections.add(TourSections.cpu(out, runner, chosen, s, false));

            TourSections.database(out, runner, chosen, s).ifPresent(sections::add);
            List<ServerBench.Row> serverRows = TourSections.servers(out, spec.commandLine().getErr(), runner, s, serversPlacement);
            long seconds = Math.round((System.nanoTime() - started) / 1e9);
            out.printf("%nTour done in %d s.%n", seconds);
            TourRecord record = new TourRecord(restaurant, sections, serverRows, seconds, runner.env());
            out.println(Results.save("tour", record, json));
            return record.valid() ? 0 : UserException.FAILED;
        }
    }
}
