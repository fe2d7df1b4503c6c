package dev.tva.course.unpin;

import dev.tva.course.Check;
import dev.tva.course.Check.Seen;
import dev.tva.course.CheckSuite;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** unpin's checks: the right prices from one load, no pinned virtual thread in JFR, and eight tenants' waits overlapping on one carrier. */
public final class UnpinChecks implements CheckSuite<PriceList> {
    /** Tenants at once, each with its own copy of the student's classes. */
    static final int TENANTS = 8;
    /** Carriers for every virtual thread of the check JVM. */
    static final int CARRIERS = 1;
    /** JFR records pins at least this long; the catalogue's wait is 100 ms. */
    private static final Duration PIN_THRESHOLD = Duration.ofMillis(10);
    /** The overlap is timed this many times and the best counts: one slow try on a busy machine does not fail it. */
    private static final int TRIES = 3;

    private final long load = Catalogue.LOAD.toMillis();
    /** Halfway between the tenants' waits overlapping (one load) and one after another (a load each). */
    private final long target = (load + TENANTS * load) / 2;

    @Override
    public Class<PriceList> contract() {
        return PriceList.class;
    }

    @Override
    public String studentClass() {
        return "StudentPriceList";
    }

    @Override
    public Duration checkTimeout() {
        return Duration.ofSeconds(10);
    }

    /** One carrier, and no extra one when a virtual thread is pinned: what pinning costs shows in full. */
    @Override
    public List<String> jvmFlags() {
        return List.of("-Djdk.virtualThreadScheduler.parallelism=" + CARRIERS, "-Djdk.virtualThreadScheduler.maxPoolSize=" + CARRIERS);
    }

    @Override
    public List<Check<PriceList>> checks() {
        return List.of(
                new Check<>("every price is the catalogue's, and the catalogue is loaded once per price list",
                        "answer each item with the price Catalogue.load() gives, and keep what it returned: call it only the first time",
                        this::rightPricesFromOneLoad),
                new Check<>("JFR records no pinned virtual thread (jdk.VirtualThreadPinned) while the tenants load their prices",
                        "do not wait inside a class initializer (a static field's initializer or a static block): load the catalogue on"
                                + " first use from an ordinary method, behind a ReentrantLock or a shared future",
                        this::noPinnedThread),
                new Check<>(TENANTS + " tenants' first prices on " + CARRIERS + " carrier take about one load, not " + TENANTS + " one after another",
                        "the time follows the pinning: a wait outside any class initializer unmounts, and the tenants wait together",
                        this::waitsOverlap));
    }

    private Seen rightPricesFromOneLoad(PriceList student) throws Exception {
        Tenants.Asked asked = Tenants.run(student.getClass(), 1).tenants().getFirst();
        Map<String, Long> expected = Catalogue.ITEMS.stream().collect(Collectors.toMap(Function.identity(), Catalogue::priceOf));
        long right = expected.entrySet().stream().filter(e -> e.getValue().equals(asked.prices().get(e.getKey()))).count();
        int later = Catalogue.ITEMS.size() - 1;
        String what = String.format(Locale.ROOT, "%d of %d prices right%s; the first call took %s ms, the %d after it %s ms in all"
                        + " (target under %d ms: the catalogue's %d ms wait, once)", right, expected.size(),
                right == expected.size() ? "" : " (got " + asked.prices() + ", the catalogue lists " + expected + ")",
                ms(asked.firstMicros()), later, ms(asked.restMicros()), load / 2, load);
        return right == expected.size() && asked.restMicros() < load * 1_000 / 2 ? Seen.held(what) : Seen.missed(what);
    }

    private Seen noPinnedThread(PriceList student) throws Exception {
        List<PinnedEvents.Pin> pins;
        try (PinnedEvents recording = new PinnedEvents(PIN_THRESHOLD, Tenants.THREAD_PREFIX, student.getClass().getPackageName())) {
            Tenants.run(student.getClass(), TENANTS);
            pins = recording.stop();
        }
        if (pins.isEmpty()) {
            return Seen.held("JFR recorded no jdk.VirtualThreadPinned of " + PIN_THRESHOLD.toMillis() + " ms or more on the " + TENANTS + " tenants' virtual threads");
        }
        long longest = pins.stream().mapToLong(p -> p.duration().toMillis()).max().orElse(0);
        String where = pins.stream().map(PinnedEvents.Pin::where).distinct().collect(Collectors.joining(", "));
        String reasons = pins.stream().map(PinnedEvents.Pin::reason).filter(r -> r != null).distinct().collect(Collectors.joining(", "));
        return Seen.missed(String.format(Locale.ROOT, "JFR recorded %d jdk.VirtualThreadPinned on the tenants' virtual threads, the longest %d ms, at %s%s."
                        + " A virtual thread that waits inside a class initializer cannot unmount (the JVM runs it with a native frame below):"
                        + " it holds its carrier for the whole wait, and no other virtual thread runs there meanwhile",
                pins.size(), longest, where, reasons.isEmpty() ? "" : " (JFR's reason: " + reasons + ")"));
    }

    private Seen waitsOverlap(PriceList student) throws Exception {
        long best = Long.MAX_VALUE;
        int tries = 0;
        while (tries < TRIES && best >= target) {
            best = Math.min(best, Tenants.run(student.getClass(), TENANTS).millis());
            tries++;
        }
        String what = String.format(Locale.ROOT, "%d ms (%s), target under %d ms, halfway between one load (%d ms) and %d"
                + " one after another (%d ms)", best, tries == 1 ? "1 try" : "best of " + tries + " tries", target, load, TENANTS, TENANTS * load);
        if (best < target) {
            return Seen.held(what);
        }
        return Seen.missed(what + ". Each tenant's wait held the only carrier: pinned, the virtual threads waited one after another,"
                + " as if each had a platform thread and there was only one");
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, micros < 10_000 ? "%.1f" : "%.0f", micros / 1000.0);
    }
}
