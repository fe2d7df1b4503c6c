package dev.tva.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.tva.bench.ScoreText.num;

/** What to notice in {@link PinningBenchmark}: which blocking frees the carrier, and which pins it, on this run's JDK. */
final class PinningNotices implements SuiteNotices {

    /** The benchmark methods the notices read. */
    enum Method implements BenchMethod {
        UNPINNED, REENTRANT_LOCK_NEVER_PINS, SYNCHRONIZED_PINS_BEFORE_JDK24, CLASS_INITIALIZER_PINS;

        @Override
        public Suite suite() {
            return Suite.PINNING;
        }
    }

    @Override
    public List<String> notices(BenchRun run) {
        List<String> n = new ArrayList<>();
        var u = run.score(Method.UNPINNED).map(Score::mean);
        var r = run.score(Method.REENTRANT_LOCK_NEVER_PINS).map(Score::mean);
        var s = run.score(Method.SYNCHRONIZED_PINS_BEFORE_JDK24).map(Score::mean);
        var c = run.score(Method.CLASS_INITIALIZER_PINS).map(Score::mean);
        long serial = PinningBenchmark.TASKS / PinningBenchmark.CARRIERS * PinningBenchmark.SLEEP_MILLIS;
        if (u.isPresent() && r.isPresent() && s.isPresent() && c.isPresent()) {
            n.add(String.format(Locale.ROOT, "%d virtual threads each block %d ms on %d carrier: unpinned %s ms, ReentrantLock %s ms, "
                    + "synchronized %s ms, class initializer %s ms. Fully pinned would be %d x %d ms = %d ms.", PinningBenchmark.TASKS,
                    PinningBenchmark.SLEEP_MILLIS, PinningBenchmark.CARRIERS, num(u.get()), num(r.get()), num(s.get()), num(c.get()),
                    PinningBenchmark.TASKS / PinningBenchmark.CARRIERS, PinningBenchmark.SLEEP_MILLIS, serial));
            boolean expectPinned = feature(run.jdkVersion()) < 24;
            boolean measuredPinned = s.get() > serial / 2.0;
            n.add(String.format(Locale.ROOT, "This run's JDK is %s: `synchronized` %s expected to pin (JEP 491 stopped it in JDK 24), "
                    + "and it measured %s ms, %s.", run.jdkVersion(), expectPinned ? "is" : "is not", num(s.get()),
                    measuredPinned ? "pinned (the sleeps ran one at a time)" : "unpinned (the sleeps overlapped)"));
            n.add("A class initializer pins on every JDK: the VM runs it with a native frame on the stack, and a virtual thread "
                    + "cannot unmount across one. JFR's `jdk.VirtualThreadPinned` event is the evidence (PinningBenchmarkTest).");
        }
        return n;
    }

    /** {@code 25} for {@code 25.0.3}; this JVM's own feature release when the run's version does not parse. */
    private static int feature(String jdkVersion) {
        try {
            return Integer.parseInt(jdkVersion.split("[.+-]")[0]);
        } catch (NumberFormatException e) {
            return Runtime.version().feature();
        }
    }
}
