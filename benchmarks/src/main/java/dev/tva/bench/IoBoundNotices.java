package dev.tva.bench;

import dev.tva.workloads.Client;
import dev.tva.workloads.Model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.tva.bench.ScoreText.num;

/** What to notice in {@link IoBoundBenchmark}: each model's waiting tasks per second beside Little's-law bound. */
final class IoBoundNotices implements SuiteNotices {
    private static final int[] IN_FLIGHT = {100, 1000};

    /** The benchmark methods the notices read: one per way of waiting. */
    enum Method implements BenchMethod {
        SLEEP, HTTP;

        @Override
        public Suite suite() {
            return Suite.IO_BOUND;
        }
    }

    @Override
    public List<String> notices(BenchRun run) {
        List<String> n = new ArrayList<>();
        for (Method workload : Method.values()) {
            for (int inFlight : IN_FLIGHT) {
                double bound = inFlight * 1000.0 / IoBoundBenchmark.LATENCY_MILLIS;
                var p = lean(run, workload, Model.PLATFORM, inFlight);
                var v = lean(run, workload, Model.VIRTUAL, inFlight);
                var e = lean(run, workload, Model.EVENT_LOOP, inFlight);
                if (p.isPresent() && v.isPresent() && e.isPresent()) {
                    n.add(String.format(Locale.ROOT, "`%s`, %d in flight: bound %s tasks/s (%d / %d ms); platform %s (%.0f%%), "
                            + "virtual %s (%.0f%%), event-loop %s (%.0f%%).", workload.methodName(), inFlight, num(bound), inFlight,
                            IoBoundBenchmark.LATENCY_MILLIS, num(p.get()), 100 * p.get() / bound, num(v.get()), 100 * v.get() / bound,
                            num(e.get()), 100 * e.get() / bound));
                }
            }
        }
        n.add(String.format(Locale.ROOT, "A pool of %d platform threads holds %d waits at a time: %d / %d ms = %s tasks/s is the most "
                + "it can do, however many tasks are in flight. Virtual threads and event loops hold every wait.",
                BenchModels.PLATFORM_THREADS, BenchModels.PLATFORM_THREADS, BenchModels.PLATFORM_THREADS,
                IoBoundBenchmark.LATENCY_MILLIS, num(BenchModels.PLATFORM_THREADS * 1000.0 / IoBoundBenchmark.LATENCY_MILLIS)));
        double bestHttp = 0;
        for (Model m : Model.values()) {
            bestHttp = Math.max(bestHttp, lean(run, Method.HTTP, m, 1000).orElse(0.0));
        }
        if (bestHttp > 0) {
            double bound = 1000 * 1000.0 / IoBoundBenchmark.LATENCY_MILLIS;
            n.add(String.format(Locale.ROOT, "`http` with 1000 in flight reaches at most %.0f%% of its bound: each call costs CPU in "
                    + "this JVM (the client, the backend that runs in the same JVM, the loopback TCP stack), and the cores run out "
                    + "before the waits do. The model that spends the least CPU per call gets furthest.", 100 * bestHttp / bound));
        }
        return n;
    }

    /** The mean tasks/s of {@code workload} on {@code model} with {@code inFlight} in flight and the lean client. */
    private static Optional<Double> lean(BenchRun run, Method workload, Model model, int inFlight) {
        return run.score(workload, ParamValue.model(model), ParamValue.of("inFlight", inFlight), ParamValue.client(Client.LEAN))
                .map(Score::mean);
    }
}
