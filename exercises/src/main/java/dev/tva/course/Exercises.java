package dev.tva.course;

import dev.tva.course.awaitit.AwaitItChecks;
import dev.tva.course.offload.OffloadChecks;
import dev.tva.course.restaurant.RestaurantChecks;
import dev.tva.course.stopstream.StopStreamChecks;
import dev.tva.course.unpin.UnpinChecks;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every exercise of {@code lab exercise list}, in the tutorial's order; the one place an exercise is registered. */
public final class Exercises {
    private Exercises() {
    }

    /** Each exercise once; a planned one becomes available when its checks replace {@code planned}. */
    public static final List<Exercise> ALL = List.of(
            new Exercise("restaurant", List.of("restaurant"), 1,
                    "StudentWaiter.serve: serve the three orders at once, each on a virtual thread, and wait for all", 15,
                    new RestaurantChecks()),
            Exercise.planned("size-the-pool", "sleep", 2,
                    "size a pool of platform threads for a target rate of waiting tasks (Little's law)", 20),
            new Exercise("offload-the-loop", List.of("cooperative", "outage"), 5,
                    "StudentBalanceService.newHandler: move the blocking ledger call off the Netty event loop onto the blocking pool,"
                            + " and write the answer when it is done", 25,
                    new OffloadChecks()),
            Exercise.planned("fan-out-with-deadline", "cancellation", 6,
                    "call several services at once, combine the answers, and cancel the rest at a deadline", 25),
            new Exercise("await-it", List.of("forgotten-await", "lost-exceptions"), 6,
                    "StudentCheckout.totalCents: wait for every price before returning, and let a failed price reach the caller", 15,
                    new AwaitItChecks()),
            new Exercise("unpin", List.of("pinning"), 5,
                    "StudentPriceList.priceCents: load the slow catalogue on first use without waiting inside a class initializer,"
                            + " which pins the virtual thread", 20,
                    new UnpinChecks()),
            Exercise.planned("bulkhead", "db-pool", 8,
                    "limit how many tasks wait for the database's connection pool at once (needs PostgreSQL or Docker)", 25),
            new Exercise("stop-the-stream", List.of("long-lived"), 6,
                    "StudentStreamer.stream: when the client goes away, stop the producer that generates the chunks and wait for"
                            + " its thread to end", 25,
                    new StopStreamChecks()));

    /** The exercise with this id. */
    public static Optional<Exercise> byId(String id) {
        return ALL.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The exercises whose checks exist. */
    public static List<Exercise> available() {
        return ALL.stream().filter(Exercise::available).toList();
    }

    /** {@code restaurant, size-the-pool, ...}. */
    public static String ids(List<Exercise> exercises) {
        return exercises.stream().map(Exercise::id).collect(Collectors.joining(", "));
    }
}
