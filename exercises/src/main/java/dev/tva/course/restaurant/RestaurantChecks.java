package dev.tva.course.restaurant;

import dev.tva.course.Check;
import dev.tva.course.Check.Seen;
import dev.tva.course.CheckSuite;

import java.util.List;
import java.util.Locale;

/** The restaurant's checks: every order served, the waits overlapped, each order cooked on a virtual thread. */
public final class RestaurantChecks implements CheckSuite<Waiter> {
    /** The tutorial's pizza, salad and coffee, 15, 5 and 1 minutes, a minute being 20 ms (the tour's are 10 ms). */
    static final List<Waiter.Order> ORDERS = List.of(new Waiter.Order("pizza", 300), new Waiter.Order("salad", 100),
            new Waiter.Order("coffee", 20));
    /** The overlap is timed this many times and the best counts: one slow try on a busy machine does not fail it. */
    private static final int TRIES = 3;

    private final long longest = ORDERS.stream().mapToLong(Waiter.Order::millis).max().orElseThrow();
    private final long sum = ORDERS.stream().mapToLong(Waiter.Order::millis).sum();
    /** Halfway between overlapping (the longest) and one after another (the sum). */
    private final long target = (longest + sum) / 2;

    @Override
    public Class<Waiter> contract() {
        return Waiter.class;
    }

    @Override
    public String studentClass() {
        return "StudentWaiter";
    }

    @Override
    public List<Check<Waiter>> checks() {
        return List.of(
                new Check<>("every order is served",
                        "serve must return each order's dish, and only once all are cooked: wait for every cook you started"
                                + " (join each thread, or close the executor: its close() waits)", this::everyOrderServed),
                new Check<>("the waits overlap, so all three take about as long as the longest",
                        "start every order before you wait for any: one thread per order, then wait for them all", this::waitsOverlap),
                new Check<>("every order is cooked on a virtual thread",
                        "cook each order on a thread of its own from Thread.ofVirtual() or Executors.newVirtualThreadPerTaskExecutor()",
                        this::onVirtualThreads));
    }

    private Seen everyOrderServed(Waiter waiter) throws InterruptedException {
        RecordingKitchen kitchen = new RecordingKitchen();
        List<Waiter.Dish> dishes = waiter.serve(ORDERS, kitchen);
        int cookedWhenServed = kitchen.cooked().size();
        kitchen.awaitCooked(ORDERS.size(), sum + 200);
        List<String> expected = ORDERS.stream().map(Waiter.Order::dish).sorted().toList();
        List<String> served = dishes == null ? List.of() : dishes.stream().map(d -> d == null ? "null" : d.name()).sorted().toList();
        String what = String.format(Locale.ROOT, "served %s, ordered %s; %d of %d cooked when serve returned",
                served, expected, cookedWhenServed, ORDERS.size());
        return served.equals(expected) && cookedWhenServed == ORDERS.size() ? Seen.held(what) : Seen.missed(what);
    }

    private Seen waitsOverlap(Waiter waiter) throws InterruptedException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < TRIES; i++) {
            RecordingKitchen kitchen = new RecordingKitchen();
            long start = System.nanoTime();
            waiter.serve(ORDERS, kitchen);
            long millis = (System.nanoTime() - start) / 1_000_000;
            int cooked = kitchen.cooked().size();
            kitchen.awaitCooked(ORDERS.size(), sum + 200);
            if (cooked < ORDERS.size()) {
                return Seen.missed(String.format(Locale.ROOT, "serve returned after %d ms with %d of %d orders cooked: a time that"
                        + " measures nothing (the longest order alone takes %d ms)", millis, cooked, ORDERS.size(), longest));
            }
            best = Math.min(best, millis);
        }
        String what = String.format(Locale.ROOT, "%d ms (best of %d), target under %d ms, halfway between the longest order"
                + " (%d ms) and all three one after another (%d ms)", best, TRIES, target, longest, sum);
        return best < target ? Seen.held(what) : Seen.missed(what);
    }

    private Seen onVirtualThreads(Waiter waiter) throws InterruptedException {
        RecordingKitchen kitchen = new RecordingKitchen();
        String caller = Thread.currentThread().getName();
        waiter.serve(ORDERS, kitchen);
        kitchen.awaitCooked(ORDERS.size(), sum + 200);
        List<RecordingKitchen.Cooked> cooked = kitchen.cooked();
        long virtual = cooked.stream().filter(RecordingKitchen.Cooked::virtual).count();
        List<String> platform = cooked.stream().filter(c -> !c.virtual()).map(RecordingKitchen.Cooked::thread).distinct()
                .map(name -> name.equals(caller) ? "'" + name + "' (the thread that called serve)" : "'" + name + "'").toList();
        String what = String.format(Locale.ROOT, "%d of %d orders cooked on a virtual thread%s", virtual, ORDERS.size(),
                platform.isEmpty() ? "" : "; on platform threads: " + String.join(", ", platform));
        return virtual == ORDERS.size() && cooked.size() == ORDERS.size() ? Seen.held(what) : Seen.missed(what);
    }
}
