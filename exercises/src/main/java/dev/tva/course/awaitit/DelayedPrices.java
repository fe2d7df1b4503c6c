package dev.tva.course.awaitit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** The checks' price service: each price arrives after its item's delay, one item may fail instead, and it counts the answers given. */
final class DelayedPrices implements Checkout.Prices, AutoCloseable {
    /** An item's price and how long the service takes to give it. */
    record Quote(long cents, long delayMillis) {
    }

    private final Map<String, Quote> quotes;
    private final String failing;
    private final RuntimeException failure;
    private final AtomicInteger answered = new AtomicInteger();
    private final ScheduledExecutorService service = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("price-service").daemon().factory());

    /** Prices every item of {@code quotes}; {@code failing} (or null) fails with {@code failure} after its delay instead. */
    DelayedPrices(Map<String, Quote> quotes, String failing, RuntimeException failure) {
        this.quotes = Map.copyOf(quotes);
        this.failing = failing;
        this.failure = failure;
    }

    @Override
    public CompletableFuture<Long> priceCents(String item) {
        Quote quote = quotes.get(item);
        if (quote == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("no such item: " + item));
        }
        CompletableFuture<Long> price = new CompletableFuture<>();
        service.schedule(() -> {
            answered.incrementAndGet();
            if (item.equals(failing)) {
                price.completeExceptionally(failure);
            } else {
                price.complete(quote.cents());
            }
        }, quote.delayMillis(), TimeUnit.MILLISECONDS);
        return price;
    }

    /** How many asks the service has answered (priced or failed) so far. */
    int answered() {
        return answered.get();
    }

    /** Stops the service; asks still waiting are never answered. */
    @Override
    public void close() {
        service.shutdownNow();
    }

    /** The sum the checkout must return: every quote's cents. */
    static long sum(Map<String, Quote> quotes, List<String> items) {
        return items.stream().collect(Collectors.summingLong(item -> quotes.get(item).cents()));
    }
}
