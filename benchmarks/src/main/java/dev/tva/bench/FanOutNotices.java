package dev.tva.bench;

import dev.tva.workloads.Client;
import dev.tva.workloads.Model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.tva.bench.ScoreText.num;

/** What to notice in {@link FanOutBenchmark}: n calls in parallel beside the same calls one after another. */
final class FanOutNotices implements SuiteNotices {
    private static final int[] CALLS = {10, 100};

    /** The benchmark methods the notices read. */
    enum Method implements BenchMethod {
        FAN_OUT;

        @Override
        public Suite suite() {
            return Suite.FAN_OUT;
        }
    }

    @Override
    public List<String> notices(BenchRun run) {
        List<String> n = new ArrayList<>();
        for (int calls : CALLS) {
            List<String> parts = new ArrayList<>();
            for (Model m : Model.values()) {
                run.score(Method.FAN_OUT, ParamValue.model(m), ParamValue.of("calls", calls), ParamValue.client(Client.LEAN))
                        .ifPresent(x -> parts.add(m.id() + " " + num(x.mean()) + " ms"));
            }
            if (!parts.isEmpty()) {
                n.add(String.format(Locale.ROOT, "%d calls of %d ms: one after another they would take %s ms; in parallel %s.",
                        calls, FanOutBenchmark.LATENCY_MILLIS, num((double) calls * FanOutBenchmark.LATENCY_MILLIS), String.join(", ", parts)));
            }
        }
        n.add("Everything above the 10 ms wait is the cost of fanning out and combining: threads started or woken, connections "
                + "used, answers added up. Every model runs the lab's fanout workload through ExecutionModel.start (forks on the "
                + "model's executor, or futures on one loop) and returns the same combined answer: n x 16 bytes.");
        return n;
    }
}
