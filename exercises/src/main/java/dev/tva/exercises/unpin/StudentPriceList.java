package dev.tva.exercises.unpin;

import dev.tva.course.unpin.Catalogue;
import dev.tva.course.unpin.PriceList;

import java.util.Map;

/*
 * EXERCISE unpin (lesson pinning, tutorial §5).
 *
 * The prices come from a slow catalogue: Catalogue.load() blocks about 100 ms. This price list loads it lazily with
 * the "holder" idiom: the nested class Prices is initialized by the JVM the first time priceCents touches it, once.
 * Lazy and thread-safe, and on a virtual thread a trap: the JVM runs a class initializer with a native frame below
 * it, so a virtual thread that waits inside one is PINNED to its carrier for the whole wait. On JDK 24 and later
 * synchronized no longer pins; a class initializer still does.
 *
 * The check runs 8 tenants at once, each a virtual thread with a fresh copy of this class (a class loader each, as an
 * application server loads each application), on ONE carrier. Pinned, their 100 ms waits run one after another.
 *
 * Your job: load the catalogue on first use, once per price list, without waiting inside a class initializer.
 * Check it (no rebuild needed):
 *
 *   ./lab exercise check unpin
 */

/** The student's price list: the catalogue loaded by a class initializer, which pins the virtual thread that waits in it. */
public class StudentPriceList implements PriceList {

    @Override
    public long priceCents(String item) {
        // TODO: load the catalogue the first time it is needed, outside any class initializer, and keep it.
        return Prices.TABLE.get(item);
    }

    /** The holder idiom: the JVM initializes this class on first use, and a virtual thread waiting in that is pinned. */
    private static final class Prices {
        static final Map<String, Long> TABLE = Catalogue.load(); // waits 100 ms inside <clinit>
    }
}
