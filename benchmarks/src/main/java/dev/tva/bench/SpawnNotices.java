package dev.tva.bench;

import dev.tva.workloads.Model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static dev.tva.bench.ScoreText.NO_DIFFERENCE;
import static dev.tva.bench.ScoreText.fasterTime;
import static dev.tva.bench.ScoreText.text;

/** What to notice in {@link SpawnBenchmark}: what a new thread costs beside a hand-off to one that already runs. */
final class SpawnNotices implements SuiteNotices {

    /** The benchmark methods the notices read. */
    enum Method implements BenchMethod {
        NEW_PLATFORM_THREAD, NEW_VIRTUAL_THREAD, PLATFORM_POOL_TASK, EVENT_LOOP_TASK;

        @Override
        public Suite suite() {
            return Suite.SPAWN;
        }
    }

    @Override
    public List<String> notices(BenchRun run) {
        List<String> n = new ArrayList<>();
        var p = run.score(Method.NEW_PLATFORM_THREAD);
        var v = run.score(Method.NEW_VIRTUAL_THREAD);
        var pool = run.score(Method.PLATFORM_POOL_TASK);
        var loop = run.score(Method.EVENT_LOOP_TASK);
        if (p.isPresent() && v.isPresent()) {
            n.add(String.format(Locale.ROOT, "Starting and joining a virtual thread took %s, a platform thread %s%s. A platform "
                    + "thread is a clone() and a native stack; a virtual thread is an object queued on a carrier.",
                    text(v.get()), text(p.get()), fasterTime(v.get(), p.get()).map(f -> ": the virtual thread was " + f)
                            .orElse(": " + NO_DIFFERENCE)));
        }
        var handoff = run.score(HandoffNotices.Method.PING_PONG, ParamValue.model(Model.PLATFORM));
        if (v.isPresent() && handoff.isPresent()) {
            Score h = handoff.get();
            Score vt = v.get();
            String share = !h.separatesFrom(vt)
                    ? String.format(Locale.ROOT, "within the error of a virtual thread's %s: most of that figure may be the "
                            + "wake-ups, not the thread itself", text(vt))
                    : h.mean() < vt.mean()
                    ? String.format(Locale.ROOT, "%.0f%% of a virtual thread's %s: that much of it is the wake-ups, not the "
                            + "thread itself", 100 * h.ratio(vt), text(vt))
                    : String.format(Locale.ROOT, "%.1fx a virtual thread's %s: the wake-ups there cost less than a round trip "
                            + "between platform threads", h.ratio(vt), text(vt));
            n.add(String.format(Locale.ROOT, "Every figure here includes waking a parked thread and being woken back (the "
                    + "benchmark thread waits for the result). Handoff measures a round trip of two such wake-ups between platform "
                    + "threads at %s on this machine, %s.", text(h), share));
        }
        if (pool.isPresent() && loop.isPresent()) {
            n.add(String.format(Locale.ROOT, "Handing a task to a thread that already runs cost %s (platform pool) and %s "
                    + "(event loop): no thread is started, only a queue and a wake-up there and back.", text(pool.get()), text(loop.get())));
        }
        if (pool.isPresent() && p.isPresent()) {
            n.add(fasterTime(pool.get(), p.get())
                    .map(f -> "The pool's hand-off was " + f + " than starting a platform thread: that is why platform threads come pooled.")
                    .orElse("Against starting a platform thread, the pool's hand-off shows " + NO_DIFFERENCE + "."));
        }
        if (pool.isPresent() && v.isPresent()) {
            n.add(fasterTime(v.get(), pool.get())
                    .map(f -> "Starting a virtual thread was " + f + " than the pool's hand-off.")
                    .orElse("Against the pool's hand-off, starting a virtual thread shows " + NO_DIFFERENCE + ". Within the error, "
                            + "a new virtual thread costs what a pooled hand-off does: that is why virtual threads need no pool."));
        }
        return n;
    }
}
