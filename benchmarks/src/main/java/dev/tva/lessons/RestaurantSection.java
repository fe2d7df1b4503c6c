package dev.tva.lessons;

import dev.tva.engine.ModelSpec;
import dev.tva.engine.Models;
import dev.tva.report.Timeline;
import dev.tva.report.TourRecord;
import dev.tva.workloads.ExecutionModel;
import dev.tva.workloads.Experiment;
import dev.tva.workloads.Model;
import dev.tva.workloads.Workload;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/** Section 1 of {@code lab tour}, the tutorial's restaurant: orders that only wait, served one after another, then concurrently. */
public final class RestaurantSection {
    /** The restaurant's orders, scaled from the tutorial's 15, 5 and 1 minutes. */
    private static final String[] DISHES = {"pizza", "salad", "coffee"};
    private static final long[] ORDER_MILLIS = {150, 50, 10};

    private RestaurantSection() {
    }

    /** Section 1: three orders served one after another, then concurrently on each model, as timelines. */
    public static TourRecord.Restaurant restaurant(PrintWriter out, Models models) {
        out.println("1. Waiting: the restaurant. Three orders that each just wait in the kitchen:");
        out.println("   pizza 150 ms, salad 50 ms, coffee 10 ms (the tutorial's 15, 5 and 1 minutes).");
        Workload[] orders = new Workload[DISHES.length];
        for (int i = 0; i < orders.length; i++) {
            orders[i] = new Workload.Sleep(ORDER_MILLIS[i]);
        }
        long sequential;
        try (ExecutionModel waiter = models.spec(Model.PLATFORM).create(null, Duration.ofSeconds(5))) {
            Experiment.Outcome outcome = Experiment.run(waiter, i -> orders[i], orders.length, 1, true, Experiment.Progress.NONE);
            sequential = outcome.wallNanos() / 1_000_000;
            out.printf("%n  One after another (1 in flight), %d ms in all:%n", sequential);
            out.print(Timeline.draw(DISHES, outcome.timeline(), "    "));
        }
        long slowest = 0;
        java.util.Map<Model, Long> concurrent = new java.util.EnumMap<>(Model.class);
        for (Model model : Model.values()) {
            ModelSpec spec = models.spec(model);
            try (ExecutionModel kitchen = spec.create(null, Duration.ofSeconds(5))) {
                Experiment.run(kitchen, i -> orders[i], orders.length, orders.length, false, Experiment.Progress.NONE);
                Experiment.Outcome outcome = Experiment.run(kitchen, i -> orders[i], orders.length, orders.length, true,
                        Experiment.Progress.NONE);
                long total = outcome.wallNanos() / 1_000_000;
                slowest = Math.max(slowest, total);
                concurrent.put(model, total);
                out.printf("%n  Concurrently (3 in flight) on %s, %d ms in all:%n", spec.label(), total);
                out.print(Timeline.draw(DISHES, outcome.timeline(), "    "));
            }
        }
        long longest = ORDER_MILLIS[0];
        long sum = ORDER_MILLIS[0] + ORDER_MILLIS[1] + ORDER_MILLIS[2];
        out.println(indent(String.format(Locale.ROOT,
                "What to notice: one after another took %d ms, the sum of the orders (%d ms); concurrently every model took at most %d ms,"
                        + " about the longest order (%d ms), because the waits overlapped: %.1fx faster with the same kitchen.",
                sequential, sum, slowest, longest, (double) sequential / slowest)));
        return new TourRecord.Restaurant(ORDER_MILLIS, sequential, concurrent);
    }

    private static String indent(String text) {
        return "  " + text;
    }
}
