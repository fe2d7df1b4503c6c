package dev.tva.course.unpin;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The shop's catalogue, read from somewhere slow: {@link #load()} blocks its caller about 100 ms, as a remote call or a big file would. */
public final class Catalogue {
    /** How long {@link #load()} blocks. */
    public static final Duration LOAD = Duration.ofMillis(100);
    /** The items it lists. */
    public static final List<String> ITEMS = List.of("apple", "bread", "cheese", "dates", "eggs");

    private Catalogue() {
    }

    /** Every item's price in cents, after a blocking wait of {@link #LOAD}. */
    public static Map<String, Long> load() {
        try {
            Thread.sleep(LOAD);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the catalogue", e);
        }
        return ITEMS.stream().collect(Collectors.toUnmodifiableMap(Function.identity(), Catalogue::priceOf));
    }

    /** The price the catalogue lists for {@code item}: the expected answer, computed. */
    static long priceOf(String item) {
        return 100 + Math.floorMod(item.hashCode() * 31L, 900L);
    }
}
