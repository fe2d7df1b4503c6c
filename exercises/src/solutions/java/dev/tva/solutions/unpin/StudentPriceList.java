package dev.tva.solutions.unpin;

import dev.tva.course.unpin.Catalogue;
import dev.tva.course.unpin.PriceList;

import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/*
 * SOLUTION unpin. The catalogue is loaded by an ordinary method on first use, not by a class initializer: the wait in
 * Catalogue.load() happens in plain Java frames, so the virtual thread unmounts and its carrier runs the other
 * tenants meanwhile. A ReentrantLock makes "once" hold when several threads ask first at the same time (parking on it
 * unmounts too, on every JDK; synchronized would also do on JDK 24 and later, and pin on 21 to 23). The volatile read
 * keeps later calls free of the lock.
 */

/** The reference price list: the catalogue loaded once, on first use, outside any class initializer. */
public class StudentPriceList implements PriceList {
    private final ReentrantLock loading = new ReentrantLock();
    private volatile Map<String, Long> table;

    @Override
    public long priceCents(String item) {
        return prices().get(item);
    }

    private Map<String, Long> prices() {
        Map<String, Long> loaded = table;
        if (loaded != null) {
            return loaded;
        }
        loading.lock();
        try {
            if (table == null) {
                table = Catalogue.load();
            }
            return table;
        } finally {
            loading.unlock();
        }
    }
}
