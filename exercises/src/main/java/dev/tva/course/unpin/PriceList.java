package dev.tva.course.unpin;

/*
 * Pinning (lesson pinning, §5): a virtual thread that blocks gives its carrier back to the scheduler, which runs
 * another virtual thread on it meanwhile: that is how a few carriers serve thousands of waits. Not while it is
 * pinned. On JDK 24 and later, synchronized no longer pins (JEP 491); a native frame on the stack still does, and so
 * does a class initializer, which the JVM runs with a native frame below it. A virtual thread that waits inside
 * <clinit> keeps its carrier for the whole wait, and every other virtual thread waits for a carrier. JFR names it:
 * the event jdk.VirtualThreadPinned. `./lab lesson pinning` measures it.
 */

/** A shop's prices, loaded from the slow {@link Catalogue} when first needed: the interface the student's {@code StudentPriceList} implements. */
public interface PriceList {

    /** The item's price in cents, as {@link Catalogue#load()} gives it; the first call may wait for the catalogue, later ones must not. */
    long priceCents(String item);
}
