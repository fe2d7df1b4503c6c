package dev.tva.course.unpin.handmade;

import dev.tva.course.unpin.Catalogue;
import dev.tva.course.unpin.PriceList;

/** Wrong: never pins, but waits for the catalogue on every call. */
public class LoadsOnEveryCall implements PriceList {
    @Override
    public long priceCents(String item) {
        return Catalogue.load().get(item);
    }
}
