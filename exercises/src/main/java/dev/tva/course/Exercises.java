package dev.tva.course;

import dev.tva.course.bulkhead.BulkheadChecks;
import dev.tva.course.fanout.FanOutChecks;
import dev.tva.course.restaurant.RestaurantChecks;
import dev.tva.course.sizethepool.SizeThePoolChecks;

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
            new Exercise("size-the-pool", List.of("sleep"), 2,
                    "StudentPoolSizer.platformThreads and connections: size a pool of platform threads, and a connection pool, for a"
                            + " target rate of waiting tasks (Little's law)", 20,
                    new SizeThePoolChecks()),
            Exercise.planned("offload-the-loop", "cooperative", 5,
                    "move blocking work off a Netty event loop onto an executor", 25),
            new Exercise("fan-out-with-deadline", List.of("cancellation"), 6,
                    "StudentFanOut.total: call several services at once, add up their answers, give up at the deadline or the first"
                            + " failure, and cancel the calls still running", 25,
                    new FanOutChecks()),
            Exercise.planned("await-it", "forgotten-await", 6,
                    "StudentCheckout.totalCents: wait for every price before returning, and let a failed price reach the caller", 15),
            Exercise.planned("unpin", "pinning", 5,
                    "stop a virtual thread from pinning its carrier while it waits", 20),
            new Exercise("bulkhead", List.of("db-pool"), 8,
                    "StudentBulkhead.guard: limit how many tasks ask the database's connection pool at once, the rest waiting their"
                            + " turn (needs PostgreSQL or Docker)", 25,
                    new BulkheadChecks()),
            Exercise.planned("stop-the-stream", "long-lived", 6,
                    "stop a long-lived stream cleanly when its client goes away", 25));

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
