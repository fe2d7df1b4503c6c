package dev.tva.course.unpin.handmade;

import dev.tva.course.unpin.Catalogue;
import dev.tva.course.unpin.PriceList;

import java.util.Map;

/** Loads on first use inside synchronized: pinned on JDK 21 to 23, not on JDK 24 and later (JEP 491). */
public class SynchronizedLazy implements PriceList {
    private Map<String, Long> table;

    @Override
    public synchronized long priceCents(String item) {
        if (table == null) {
            table = Catalogue.load();
        }
        return table.get(item);
    }
}
