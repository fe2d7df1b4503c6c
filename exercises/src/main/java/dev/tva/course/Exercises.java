package dev.tva.course;

import dev.tva.course.awaitit.AwaitItChecks;
import dev.tva.course.bulkhead.BulkheadChecks;
import dev.tva.course.fanout.FanOutChecks;
import dev.tva.course.offload.OffloadChecks;
import dev.tva.course.restaurant.RestaurantChecks;
import dev.tva.course.sizethepool.SizeThePoolChecks;
import dev.tva.course.stopstream.StopStreamChecks;
import dev.tva.course.unpin.UnpinChecks;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every exercise of {@code lab exercise list}, in the tutorial's order; the one place an exercise is registered. */
public final class Exercises {
    private Exercises() {
    }

    /** Each exercise once, in the tutorial's order; a planned one (no checks yet) is listed as not yet available. */
    public static final List<Exercise> ALL = List.of(
            new Exercise("restaurant", List.of("restaurant"), 1,
                    "StudentWaiter.serve: serve the three orders at once, each on a virtual thread, and wait for all", 15,
                    new RestaurantChecks()),
            new Exercise("size-the-pool", List.of("sleep"), 2,
                    "StudentPoolSizer.platformThreads and connections: size a pool of platform threads, and a connection pool, for a"
                            + " target rate of waiting tasks (Little's law)", 20,
                    new SizeThePoolChecks()),
            new Exercise("offload-the-loop", List.of("cooperative", "outage"), 5,
                    "StudentBalanceService.newHandler: move the blocking ledger call off the Netty event loop onto the blocking pool,"
                            + " and write the answer when it is done", 25,
                    new OffloadChecks()),
            new Exercise("fan-out-with-deadline", List.of("cancellation"), 6,
                    "StudentFanOut.total: call several services at once, add up their answers, give up at the deadline or the first"
                            + " failure, and cancel the calls still running", 25,
                    new FanOutChecks()),
            new Exercise("await-it", List.of("forgotten-await", "lost-exceptions"), 6,
                    "StudentCheckout.totalCents: wait for every price before returning, and let a failed price reach the caller", 15,
                    new AwaitItChecks()),
            new Exercise("unpin", List.of("pinning"), 5,
                    "StudentPriceList.priceCents: load the slow catalogue on first use without waiting inside a class initializer,"
                            + " which pins the virtual thread", 20,
                    new UnpinChecks()),
            new Exercise("bulkhead", List.of("db-pool"), 8,
                    "StudentBulkhead.guard: limit how many tasks ask the database's connection pool at once, the rest waiting their"
                            + " turn (needs PostgreSQL or Docker)", 25,
                    new BulkheadChecks()),
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
