package dev.tva.exercises.awaitit;

import dev.tva.course.awaitit.Checkout;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/*
 * EXERCISE await-it (lessons forgotten-await and lost-exceptions, tutorial §6).
 *
 * A basket's prices come from a service that answers later: prices.priceCents(item) returns a CompletableFuture at
 * once, and the price arrives some tens of milliseconds afterwards, on the service's thread. This checkout has two
 * of the tutorial's async bugs:
 *
 *   1. it asks for every price and returns the total straight away, before any price has arrived (the forgotten
 *      await: "done" before the work);
 *   2. a price that fails is turned into nothing, so the caller never hears of it (the lost exception).
 *
 * Your job: return the total only once every price has arrived, and let a failed price reach the caller as an
 * exception (itself, or as the cause of the one you throw). Check it (no rebuild needed):
 *
 *   ./lab exercise check await-it
 */

/** The student's checkout: starts every price lookup, waits for none, and drops failures. */
public class StudentCheckout implements Checkout {

    @Override
    public long totalCents(List<String> items, Prices prices) throws Exception {
        // TODO: wait for every price before returning the total, and let a failed price reach the caller.
        AtomicLong total = new AtomicLong();
        for (String item : items) {
            prices.priceCents(item)
                    .thenAccept(total::addAndGet)
                    .exceptionally(failure -> null); // a failed price is dropped here
        }
        return total.get(); // the prices are still on their way
    }
}
