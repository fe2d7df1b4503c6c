package dev.tva.course.unpin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/*
 * Each tenant is a virtual thread with a fresh copy of the student's classes: it makes the price list (its
 * constructor runs there) and asks for every item's price, timing the first call (which may load the catalogue) and
 * the others apart. The copies are loaded before the clock starts, and initialized by their tenant's thread.
 */

/** Runs N tenants at once, each on a virtual thread with its own copy of the student's price list, and reports what they got. */
final class Tenants {
    static final String THREAD_PREFIX = "tenant-";

    private Tenants() {
    }

    /** What one tenant got: each item's price, how long its first call took and how long the others took together. */
    record Asked(Map<String, Long> prices, long firstMicros, long restMicros) {
    }

    /** Every tenant's answers (in tenant order) and how long all of them took, from the first start to the last end. */
    record Ran(List<Asked> tenants, long millis) {
    }

    static Ran run(Class<?> studentClass, int tenants) throws Exception {
        List<Class<?>> copies = new ArrayList<>();
        for (int i = 0; i < tenants; i++) {
            copies.add(FreshCopy.of(studentClass));
        }
        List<AtomicReference<Asked>> asked = new ArrayList<>();
        List<AtomicReference<Throwable>> failed = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < tenants; i++) {
            AtomicReference<Asked> result = new AtomicReference<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Class<?> copy = copies.get(i);
            threads.add(Thread.ofVirtual().name(THREAD_PREFIX + (i + 1)).start(() -> {
                try {
                    result.set(ask((PriceList) copy.getDeclaredConstructor().newInstance()));
                } catch (Throwable e) {
                    failure.set(e instanceof ReflectiveOperationException && e.getCause() != null ? e.getCause() : e);
                }
            }));
            asked.add(result);
            failed.add(failure);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        for (AtomicReference<Throwable> failure : failed) {
            switch (failure.get()) {
                case null -> { }
                case Exception e -> throw e;
                case Error e -> throw e;
                case Throwable t -> throw new IllegalStateException(t);
            }
        }
        return new Ran(asked.stream().map(AtomicReference::get).toList(), millis);
    }

    private static Asked ask(PriceList prices) {
        Map<String, Long> got = new LinkedHashMap<>();
        long start = System.nanoTime();
        long firstEnd = 0;
        for (String item : Catalogue.ITEMS) {
            got.put(item, prices.priceCents(item));
            if (firstEnd == 0) {
                firstEnd = System.nanoTime();
            }
        }
        return new Asked(got, (firstEnd - start) / 1_000, (System.nanoTime() - firstEnd) / 1_000);
    }
}
