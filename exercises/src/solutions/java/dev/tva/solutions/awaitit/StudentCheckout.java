package dev.tva.solutions.awaitit;

import dev.tva.course.awaitit.Checkout;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/*
 * SOLUTION await-it. Every lookup is started first (they overlap), then allOf(...).join() waits for all of them:
 * the "await". join() rethrows a failure as a CompletionException whose cause is the price's own exception, so the
 * caller hears of it; nothing turns it into a value.
 */

/** The reference checkout: asks every price at once, waits for all, and lets a failure through. */
public class StudentCheckout implements Checkout {

    @Override
    public long totalCents(List<String> items, Prices prices) {
        List<CompletableFuture<Long>> asked = items.stream().map(prices::priceCents).toList();
        CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new)).join(); // waits; throws if any price failed
        return asked.stream().mapToLong(CompletableFuture::join).sum();
    }
}
