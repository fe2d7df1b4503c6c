package dev.tva.course.awaitit;

import dev.tva.course.Check;
import dev.tva.course.Check.Seen;
import dev.tva.course.CheckSuite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** await-it's checks: the total counts every price (nothing returned before the work), and a failed price reaches the caller. */
public final class AwaitItChecks implements CheckSuite<Checkout> {
    /** The basket: each item's price in cents and how long the service takes to give it. */
    static final Map<String, DelayedPrices.Quote> QUOTES = quotes();
    static final List<String> ITEMS = List.copyOf(QUOTES.keySet());
    /** The item whose price fails in the second check: answered neither first nor last. */
    static final String FAILING = "tea";
    /** Causes followed at most (a chain can loop). */
    private static final int MAX_CAUSES = 20;

    private static Map<String, DelayedPrices.Quote> quotes() {
        Map<String, DelayedPrices.Quote> quotes = new LinkedHashMap<>();
        quotes.put("bread", new DelayedPrices.Quote(249, 40));
        quotes.put("cheese", new DelayedPrices.Quote(599, 60));
        quotes.put("apples", new DelayedPrices.Quote(325, 20));
        quotes.put("coffee", new DelayedPrices.Quote(899, 80));
        quotes.put("tea", new DelayedPrices.Quote(410, 30));
        return quotes;
    }

    private final long slowest = QUOTES.values().stream().mapToLong(DelayedPrices.Quote::delayMillis).max().orElseThrow();

    @Override
    public Class<Checkout> contract() {
        return Checkout.class;
    }

    @Override
    public String studentClass() {
        return "StudentCheckout";
    }

    @Override
    public List<Check<Checkout>> checks() {
        return List.of(
                new Check<>("the total counts every price",
                        "a price is only there once its future completes: wait for all of them before you add them up"
                                + " (CompletableFuture.allOf(...).join(), or join() each one)", this::totalCountsEveryPrice),
                new Check<>("a failed price reaches the caller",
                        "do not turn a failure into a value (exceptionally(e -> 0L)) or drop it: join() the futures and let the"
                                + " CompletionException, whose cause is the failure, leave totalCents", this::failureReachesTheCaller));
    }

    private Seen totalCountsEveryPrice(Checkout checkout) throws Exception {
        long expected = DelayedPrices.sum(QUOTES, ITEMS);
        try (DelayedPrices prices = new DelayedPrices(QUOTES, null, null)) {
            long start = System.nanoTime();
            long total = checkout.totalCents(ITEMS, prices);
            long millis = (System.nanoTime() - start) / 1_000_000;
            int answered = prices.answered();
            String what = String.format(Locale.ROOT, "returned %d after %d ms, expected %d (the %d prices added up; the slowest arrives"
                    + " after %d ms); %d of %d prices had arrived when it returned", total, millis, expected, ITEMS.size(), slowest,
                    answered, ITEMS.size());
            return total == expected ? Seen.held(what) : Seen.missed(what);
        }
    }

    private Seen failureReachesTheCaller(Checkout checkout) {
        RuntimeException injected = new IllegalStateException("the price service is down for '" + FAILING + "' (a failure the check injected)");
        try (DelayedPrices prices = new DelayedPrices(QUOTES, FAILING, injected)) {
            long start = System.nanoTime();
            try {
                long total = checkout.totalCents(ITEMS, prices);
                long millis = (System.nanoTime() - start) / 1_000_000;
                return Seen.missed(String.format(Locale.ROOT, "returned %d after %d ms: the failure injected into '%s' never reached the"
                        + " caller%s", total, millis, FAILING, prices.answered() < ITEMS.size() ? " (it returned before every price had arrived)"
                        : " (every price had arrived: the failure was swallowed)"));
            } catch (Exception thrown) {
                return carries(thrown, injected) ? Seen.held("threw " + chain(thrown, injected))
                        : Seen.missed("threw " + chain(thrown, injected) + ", and the injected IllegalStateException is nowhere in it");
            }
        }
    }

    /** Whether {@code injected} is {@code thrown} or one of its causes. */
    private static boolean carries(Throwable thrown, Throwable injected) {
        int depth = 0;
        for (Throwable e = thrown; e != null && depth++ < MAX_CAUSES; e = e.getCause()) {
            if (e == injected) {
                return true;
            }
        }
        return false;
    }

    /** {@code CompletionException caused by the injected IllegalStateException}: the thrown exception and its causes. */
    private static String chain(Throwable thrown, Throwable injected) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable e = thrown; e != null && depth++ < MAX_CAUSES; e = e.getCause()) {
            if (e != thrown) {
                text.append(" caused by ");
            }
            text.append(e == injected ? "the injected " : "").append(e.getClass().getSimpleName());
        }
        return text.toString();
    }
}
