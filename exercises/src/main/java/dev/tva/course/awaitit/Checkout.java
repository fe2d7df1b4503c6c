package dev.tva.course.awaitit;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/*
 * Two of the tutorial's three async bugs (§6; lessons forgotten-await and lost-exceptions). Each price comes from a
 * service that answers later: a CompletableFuture, completed on the service's own thread. Code that starts the
 * lookups and returns has not waited for them (bug 1: "done" before the work), and a failure that only sits in a
 * future nobody looks at is lost (bug 3). `./lab lesson forgotten-await` and `./lab lesson lost-exceptions` show both.
 */

/** Totals a basket whose prices arrive asynchronously: the interface the student's {@code StudentCheckout} implements. */
public interface Checkout {

    /**
     * Returns the sum of every item's price, in cents, once every price has arrived.
     *
     * @throws Exception when a price fails: that failure must reach the caller, as this exception or as its cause
     */
    long totalCents(List<String> items, Prices prices) throws Exception;

    /** The price service: asks are answered later, on a thread of the service. */
    interface Prices {
        /** The item's price in cents; the future fails when the service cannot price it. */
        CompletableFuture<Long> priceCents(String item);
    }
}
