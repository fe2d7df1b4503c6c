package dev.tva.lessons;

import dev.tva.engine.DatabaseSource;
import dev.tva.engine.Measurement;
import dev.tva.engine.Models;
import dev.tva.engine.Runner;
import dev.tva.engine.ServerBench;
import dev.tva.report.Describe;
import dev.tva.report.ServerVerdicts;
import dev.tva.report.TourRecord;
import dev.tva.workloads.CpuPlacement;
import dev.tva.workloads.Model;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A section of {@code lab tour} as a lesson of its own: the tour's very code (its section methods), with
 * the tour's settings, or smaller ones for a tiny run.
 */
public final class TourLesson implements Lesson<TourLesson.Result> {

    /** The tour's sections. */
    public enum Part {
        RESTAURANT("restaurant", "1", Section.WAITING, 2, "The restaurant: three orders that only wait, served one after another and then concurrently on each model"),
        SLEEP("sleep", "2a", Section.BLOCKING, 20, "Why synchronous code fails at scale: 10,000 timer waits on a pool of 200 platform threads, on virtual threads and on event loops"),
        HTTP("http", "2b", Section.ASYNC, 30, "Smart waiting on real I/O: 1,000 backend calls in flight on each model (the lean client), beside Little's-law bound"),
        CPU("cpu", "3", Section.ASYNC, 30, "What async does not solve: CPU-bound tasks on each model and on one event loop, beside the cores' bound"),
        DB("db", "4", Section.REAL_WORLD, 25, "A high-scale API's real limit: 1,000 queries in flight through a pool of 10 connections (needs PostgreSQL)"),
        SERVERS("servers", "5", Section.MASTERY, 80, "Async web servers: the same endpoint on the four servers under an open-model load, one with too few threads");

        final String id;
        final String tourSection;
        final Section section;
        final int seconds;
        final String summary;

        Part(String id, String tourSection, Section section, int seconds, String summary) {
            this.id = id;
            this.tourSection = tourSection;
            this.section = section;
            this.seconds = seconds;
            this.summary = summary;
        }
    }

    /** Test-sized tour settings: short windows, fewer tasks in flight, a lower server rate. */
    static final TourSettings TINY = new TourSettings(
            new Measurement(Duration.ofMillis(200), 2, Duration.ofSeconds(1), 1, null), 500, 50, 100, 20,
            0.5, 20, 10, 5, 50, 20, 200, 2, Duration.ofSeconds(2));

    private final Part part;

    public TourLesson(Part part) {
        this.part = part;
    }

    @Override
    public String id() {
        return part.id;
    }

    @Override
    public Section section() {
        return part.section;
    }

    @Override
    public String summary() {
        return part.summary + " (lab tour, section " + part.tourSection + ")";
    }

    @Override
    public int expectedSeconds() {
        return part.seconds;
    }

    /** What the section measured: the restaurant's timings, a model section, or the servers' rows; empty when skipped. */
    record Result(Part part, TourRecord.Restaurant restaurant, TourRecord.Section section, List<ServerBench.Row> servers, Duration slo)
            implements LessonResult {
        @Override
        public boolean shown() {
            return switch (part) {
                case RESTAURANT -> restaurant.concurrentMillis().values().stream().allMatch(c -> c < restaurant.sequentialMillis() * 0.9);
                case SERVERS -> servers != null && !servers.isEmpty();
                default -> section != null && section.verdict().untrusted().isEmpty();
            };
        }

        @Override
        public String notice() {
            return switch (part) {
                case RESTAURANT -> String.format(Locale.ROOT, "one after another %d ms; concurrently %s ms", restaurant.sequentialMillis(),
                        restaurant.concurrentMillis().values());
                case SERVERS -> servers == null ? "no rows" : ServerVerdicts.notice(servers, slo);
                default -> section == null ? "skipped: no database. To include it, " + DatabaseSource.HOW_TO + "." : section.verdict().text();
            };
        }

        @Override
        public boolean noticePrinted() {
            return part != Part.DB || section != null;
        }
    }

    @Override
    public Result run(PrintWriter out, LessonSettings settings) {
        Models models = Models.defaults(); // the tour's own defaults
        TourSettings s = settings.tiny() ? TINY : TourSettings.DEFAULT;
        PrintWriter err = new PrintWriter(System.err, true);
        if (part == Part.RESTAURANT) {
            return new Result(part, RestaurantSection.restaurant(out, models), null, null, null);
        }
        try (Runner runner = new Runner(out, err, Duration.ofSeconds(30), null, null, true)) {
            out.printf("Models: %s | virtual (a virtual thread per task) | %s. Each run below has a JVM of its own.%n",
                    models.spec(Model.PLATFORM).label(), models.spec(Model.EVENT_LOOP).label());
            out.printf("Every row: %s.%n", Describe.measurement(s.measurement()));
            return switch (part) {
                case SLEEP -> new Result(part, null, TourSections.sleep(out, runner, models, s), null, null);
                case HTTP -> new Result(part, null, TourSections.http(out, runner, models, s), null, null);
                case CPU -> new Result(part, null, TourSections.cpu(out, runner, models, s, true), null, null);
                case DB -> new Result(part, null, TourSections.database(out, runner, models, s).orElse(null), null, null);
                case SERVERS -> new Result(part, null, null, TourSections.servers(out, err, runner, s, CpuPlacement.NONE),
                        Duration.ofMillis(2 * s.serverMillis())); // the tour's SLO: twice the wait
                case RESTAURANT -> throw new IllegalStateException("the restaurant runs without a runner");
            };
        }
    }
}
