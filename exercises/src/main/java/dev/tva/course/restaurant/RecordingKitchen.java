package dev.tva.course.restaurant;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The checks' kitchen: each order waits its time, and the kitchen records which thread cooked it and when it was done. */
final class RecordingKitchen implements Waiter.Kitchen {
    /** One cooking: the dish, the thread that waited for it, whether that thread was virtual. */
    record Cooked(String dish, String thread, boolean virtual) {
    }

    private final Queue<Cooked> cooked = new ConcurrentLinkedQueue<>();
    private final AtomicInteger cooking = new AtomicInteger();

    @Override
    public Waiter.Dish cook(Waiter.Order order) throws InterruptedException {
        Thread cook = Thread.currentThread();
        cooking.incrementAndGet();
        try {
            TimeUnit.MILLISECONDS.sleep(order.millis());
            cooked.add(new Cooked(order.dish(), cook.getName().isEmpty() ? cook.toString() : cook.getName(), cook.isVirtual()));
            return new Waiter.Dish(order.dish());
        } finally {
            cooking.decrementAndGet();
        }
    }

    /** The orders cooked to the end so far. */
    List<Cooked> cooked() {
        return List.copyOf(cooked);
    }

    /** Waits (at most {@code millis}) until {@code orders} are cooked and none is cooking: a waiter that returned early leaves cooks behind. */
    void awaitCooked(int orders, long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while ((cooked.size() < orders || cooking.get() > 0) && System.nanoTime() < end) {
            Thread.sleep(5);
        }
    }
}
