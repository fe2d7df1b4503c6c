package dev.tva.course.unpin.handmade;

import dev.tva.course.unpin.Catalogue;
import dev.tva.course.unpin.PriceList;

import java.util.Map;

/** Wrong: the wait is in the student's class's own static initializer, which runs when the tenant makes its price list. */
public class WaitsInItsOwnInitializer implements PriceList {
    private static final Map<String, Long> TABLE = Catalogue.load();

    @Override
    public long priceCents(String item) {
        return TABLE.get(item);
    }
}
