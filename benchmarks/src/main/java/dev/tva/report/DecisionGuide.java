package dev.tva.report;

import dev.tva.verdict.ClientCost;
import dev.tva.workloads.Model;
import dev.tva.workloads.RunResult;
import dev.tva.workloads.web.ServerId;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The decision guide: a row per {@link Situation}, its pick and reason computed from the evidence. */
public final class DecisionGuide {
    private static final String NEVER_BLOCK_THE_LOOP = "Never block the loop: a blocking call on an event loop stalls every"
            + " task on it (" + Markdown.code("./lab servers --servers netty --block-event-loop --endpoint io --rates 20,40,200") + ").";

    private DecisionGuide() {
    }

    public static List<Decision> rows(Evidence e, Links links) {
        List<Decision> rows = new ArrayList<>();
        rows.add(e.http().or(e::sleep).map(c -> waiting(c, links)).orElse(Decision.notMeasured(Situation.BLOCKING_IO)));
        rows.add(e.db().map(c -> new Decision(Situation.JDBC_POOL, pickOrAny(c, "the pool sets the pace"), Sentences.verdict(c),
                links.file(c.file()), bulkhead(e, links))).orElse(Decision.notMeasured(Situation.JDBC_POOL)));
        rows.add(e.cpu().map(c -> new Decision(Situation.CPU_BOUND, pickOrAny(c, "the cores set the pace"), Sentences.verdict(c),
                links.file(c.file()), "Async adds no cores. " + NEVER_BLOCK_THE_LOOP))
                .orElse(Decision.notMeasured(Situation.CPU_BOUND)));
        rows.add(Footprints.largest(e.footprint()).map(f -> new Decision(Situation.IDLE_CONNECTIONS, f.lightest().id(),
                capitalized(f.sentence()) + ".", links.files(f.files()), "Memory of a parked task only; a live connection adds its"
                + " socket buffers. Streams held open on each server: " + Markdown.code("./lab lesson long-lived") + "."))
                .orElse(Decision.notMeasured(Situation.IDLE_CONNECTIONS)));
        rows.add(e.servers().flatMap(s -> slo(s, links)).orElse(Decision.notMeasured(Situation.LATENCY_SLO)));
        rows.add(Budget.perConnection(e.footprint(), links).orElse(Decision.notMeasured(Situation.MEMORY_BUDGET)));
        rows.add(e.http().flatMap(c -> reactive(c, e, links)).orElse(Decision.notMeasured(Situation.REACTIVE_CODEBASE)));
        rows.add(SlowClients.decision(e.slowloris(), e.idle(), links).orElse(Decision.notMeasured(Situation.SLOW_CLIENTS)));
        rows.add(e.pinning().map(p -> pinning(p, links)).orElse(Decision.notMeasured(Situation.PINNING)));
        return rows;
    }

    private static Decision waiting(Comparison c, Links links) {
        List<Model> leaders = c.leaders().stream().map(RunResult::model).toList();
        String pick = leaders.contains(Model.VIRTUAL) ? Model.VIRTUAL.id() : leaders.get(0).id();
        String caveat = (leaders.contains(Model.EVENT_LOOP) && leaders.contains(Model.VIRTUAL)
                ? "event-loop is as fast here, but only with non-blocking libraries all the way down. " : "")
                + "Blocking code runs unchanged on virtual threads, except where it pins (the last row).";
        return new Decision(Situation.BLOCKING_IO, pick, Sentences.verdict(c) + ".", links.file(c.file()), caveat);
    }

    private static String pickOrAny(Comparison c, String why) {
        return c.trailing().isEmpty() ? "any of the three: " + why : c.leaders().stream().map(r -> r.model().id())
                .collect(Collectors.joining(" or "));
    }

    /** What a bulkhead changed, when the inputs hold a failed run without one and a run with one. */
    private static String bulkhead(Evidence e, Links links) {
        Optional<Sourced<RunResult>> exhausted = e.dbRuns().stream()
                .filter(s -> s.value().errors() > 0 && (s.value().dbBulkhead() == null || s.value().dbBulkhead() == 0)).findFirst();
        Optional<Sourced<RunResult>> guarded = e.dbRuns().stream()
                .filter(s -> s.value().dbBulkhead() != null && s.value().dbBulkhead() > 0).findFirst();
        if (exhausted.isEmpty() || guarded.isEmpty()) {
            return "Size the pool for the database, and bound the tasks that wait for it with a bulkhead ("
                    + Markdown.code("--bulkhead N") + ").";
        }
        RunResult x = exhausted.get().value();
        RunResult g = guarded.get().value();
        return "Bound the waiters, not the threads: with " + Fmt.count(x.concurrency()) + " in flight on a pool of " + x.dbPool() + ", "
                + Fmt.count(x.errors()) + " tasks failed waiting for a connection (" + links.file(exhausted.get().file()) + "); with a"
                + " bulkhead of " + g.dbBulkhead() + ", " + Fmt.count(g.errors()) + " did (" + links.file(guarded.get().file()) + ").";
    }

    private static Optional<Decision> slo(List<Sourced<ServerRow>> rows, Links links) {
        double top = rows.stream().mapToDouble(s -> s.value().targetPerSec()).max().orElseThrow();
        List<String> models = rows.stream().map(Sourced::value).filter(r -> r.targetPerSec() == top && r.meets(Slo.P99_MILLIS))
                .map(r -> ServerId.fromId(r.server()).model()).distinct().sorted().map(Model::id).toList();
        return Summary.servers(rows).map(s -> new Decision(Situation.LATENCY_SLO,
                models.isEmpty() ? "none held it: lower the rate per instance" : String.join(" or ", models),
                s.replace("**", "") + ".", links.file(rows.get(0).file()),
                "One run per rate, on cores shared with the load generator: measure your own rate and SLO ("
                        + Markdown.code(Situation.LATENCY_SLO.command()) + ")."));
    }

    private static Optional<Decision> reactive(Comparison c, Evidence e, Links links) {
        Optional<RunResult> loop = c.row(Model.EVENT_LOOP);
        if (loop.isEmpty()) {
            return Optional.empty();
        }
        boolean leads = c.leaders().contains(loop.get());
        String cost = e.clients().map(rows -> ClientCost.of(rows.stream().map(Sourced::value).toList()).stream()
                .filter(k -> k.model() != Model.PLATFORM).map(ClientCost::text).collect(Collectors.joining("; "))).orElse("");
        String reason = Sentences.run(loop.get()) + (leads ? ", among the leaders" : ", measurably behind the leaders") + " on "
                + c.work().describe() + (cost.isEmpty() ? "" : "; " + cost) + ".";
        return Optional.of(new Decision(Situation.REACTIVE_CODEBASE, leads ? Model.EVENT_LOOP.id() : "measure first", reason,
                links.file(c.file()), "No throughput reason here to rewrite working reactive code. " + NEVER_BLOCK_THE_LOOP));
    }

    private static Decision pinning(Evidence.Pinning p, Links links) {
        boolean pins = p.initializer().separatesFrom(p.unpinned()) && p.initializer().score() > p.unpinned().score();
        boolean syncPins = p.synchronizedScore().separatesFrom(p.unpinned()) && p.synchronizedScore().score() > p.unpinned().score();
        String reason = "JMH " + p.initializer().suite() + ": a class initializer that blocks, " + jmh(p.initializer())
                + ", against " + jmh(p.unpinned()) + " unpinned (99.9% intervals).";
        String caveat = "synchronized: " + jmh(p.synchronizedScore()) + " on this run's JDK (see Inputs), "
                + (syncPins ? "pinned" : "as unpinned") + ". JFR's " + Markdown.code("jdk.VirtualThreadPinned") + " event finds pins.";
        return new Decision(Situation.PINNING, pins ? "virtual once the pin is gone; platform for that code until then" : Model.VIRTUAL.id(),
                reason, links.file(p.file()), caveat);
    }

    private static String jmh(JmhScore s) {
        return Fmt.score(s.score()) + (Double.isNaN(s.error()) ? "" : " ± " + Fmt.score(s.error())) + " " + s.unit();
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
