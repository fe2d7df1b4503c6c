package dev.tva.bench;

import dev.tva.workloads.Model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.tva.bench.ScoreText.NO_DIFFERENCE;
import static dev.tva.bench.ScoreText.fasterTime;
import static dev.tva.bench.ScoreText.text;

/** What to notice in {@link LockContentionBenchmark}: virtual beside platform threads on one contended lock, and the public claim. */
final class LockContentionNotices implements SuiteNotices {

    /** The benchmark methods the notices read: one per kind of lock. */
    enum Method implements BenchMethod {
        SYNCHRONIZED_COUNTER, REENTRANT_LOCK_COUNTER;

        @Override
        public Suite suite() {
            return Suite.LOCK_CONTENTION;
        }
    }

    @Override
    public List<String> notices(BenchRun run) {
        List<String> n = new ArrayList<>();
        double worst = 0;
        boolean compared = false;
        for (Method method : Method.values()) {
            var p = run.score(method, ParamValue.model(Model.PLATFORM));
            var v = run.score(method, ParamValue.model(Model.VIRTUAL));
            if (p.isPresent() && v.isPresent()) {
                compared = true;
                n.add(String.format(Locale.ROOT, "`%s`, %d threads, one shared counter: %s per increment on platform threads, "
                        + "%s on virtual threads%s.", method.methodName(), LockContentionBenchmark.THREADS, text(p.get()), text(v.get()),
                        fasterTime(v.get(), p.get()).map(f -> ": virtual was " + f).orElse(": " + NO_DIFFERENCE)));
                if (v.get().separatesFrom(p.get())) {
                    worst = Math.max(worst, v.get().ratio(p.get()));
                }
            }
        }
        if (compared) {
            n.add("Public results report virtual threads far slower under no-back-off contention. " + (worst >= 3
                    ? String.format(Locale.ROOT, "Reproduced here: virtual threads took up to %.1fx the time per increment.", worst)
                    : worst > 1
                    ? String.format(Locale.ROOT, "Not reproduced on this JDK and machine: the largest measurable gap is %.1fx "
                            + "(virtual / platform time per increment).", worst)
                    : "Not reproduced on this JDK and machine: no pair shows virtual threads measurably slower."));
        }
        return n;
    }
}
