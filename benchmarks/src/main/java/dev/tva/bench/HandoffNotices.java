package dev.tva.bench;

import dev.tva.workloads.Model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.tva.bench.ScoreText.NO_DIFFERENCE;
import static dev.tva.bench.ScoreText.fasterTime;
import static dev.tva.bench.ScoreText.text;

/** What to notice in {@link HandoffBenchmark}: one round trip of two hand-offs in each model, and who does the switching. */
final class HandoffNotices implements SuiteNotices {

    /** The benchmark methods the notices read. */
    enum Method implements BenchMethod {
        PING_PONG;

        @Override
        public Suite suite() {
            return Suite.HANDOFF;
        }
    }

    @Override
    public List<String> notices(BenchRun run) {
        List<String> n = new ArrayList<>();
        var p = run.score(Method.PING_PONG, ParamValue.model(Model.PLATFORM));
        var v = run.score(Method.PING_PONG, ParamValue.model(Model.VIRTUAL));
        var e = run.score(Method.PING_PONG, ParamValue.model(Model.EVENT_LOOP));
        if (p.isPresent() && v.isPresent() && e.isPresent()) {
            n.add(String.format(Locale.ROOT, "One round trip (two hand-offs) took %s between platform threads, %s between "
                    + "virtual threads and %s between two event loops.", text(p.get()), text(v.get()), text(e.get())));
            n.add("Virtual threads switch inside the JVM (park unmounts, unpark queues on a carrier); the kernel wakes and switches "
                    + "platform threads (a futex per hand-off), and an event loop that waits in its selector is woken the same way. "
                    + fasterTime(v.get(), p.get()).map(f -> "Virtual threads were " + f + " than platform threads.")
                            .orElse("Against platform threads, virtual threads show " + NO_DIFFERENCE + "."));
        }
        return n;
    }
}
