package dev.tva.report;

import dev.tva.engine.IdleResult;
import dev.tva.engine.SlowlorisResult;
import dev.tva.workloads.Model;
import dev.tva.workloads.web.ServerId;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The decision for many slow or idle clients, from what each server held under slowloris and what idle connections cost it. */
final class SlowClients {
    /*
     * A server that parks a platform thread per connection whose head is still arriving runs out of its pool
     * when that many slow clients arrive at once, however little work they ask for; one that parks a virtual
     * thread or only a buffer pays memory instead. The pick is the models of the servers that held no
     * platform thread, and only when the same run shows another server that did: the contrast is the evidence.
     */

    private SlowClients() {
    }

    static Optional<Decision> decision(List<Sourced<SlowlorisResult>> slowloris, List<Sourced<IdleResult>> idle, Links links) {
        if (slowloris.isEmpty()) {
            return Optional.empty();
        }
        List<String> parkThreads = new ArrayList<>();
        List<Model> spare = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (Sourced<SlowlorisResult> s : slowloris) {
            SlowlorisResult r = s.value();
            SlowlorisVerdict.Holds holds = SlowlorisVerdict.Holds.valueOf(r.holds());
            if (holds == SlowlorisVerdict.Holds.PLATFORM_THREAD) {
                parkThreads.add(r.server());
            } else {
                spare.add(ServerId.fromId(r.server()).model());
            }
            reasons.add(SlowlorisVerdict.sentence(r.server(), r.connections(), holds, r.idle(), r.attacked()));
        }
        idle.forEach(s -> reasons.add(idle(s.value())));
        String pick = spare.isEmpty() ? "none measured here holds up: bound the connections per client"
                : parkThreads.isEmpty() ? "any of those measured: none parked a platform thread per slow client"
                : String.join(" or ", spare.stream().distinct().sorted().map(Model::id).toList());
        List<InputFile> files = Stream.concat(slowloris.stream().map(Sourced::file), idle.stream().map(Sourced::file)).distinct().toList();
        return Optional.of(new Decision(Situation.SLOW_CLIENTS, pick, String.join(" ", reasons), links.files(files), caveat(slowloris)));
    }

    /** One server's idle run in a sentence: what each idle connection cost it, and the load's p99 beside them. */
    private static String idle(IdleResult r) {
        return r.label() + " with " + Fmt.count(r.stillOpen()) + " of " + Fmt.count(r.idle()) + " idle keep-alive connections open: "
                + IdleTable.perConnection(r.rssKibPerConnection()) + " KiB of RSS and " + IdleTable.perConnection(IdleTable.threadsPerConnection(r))
                + " threads per connection, p99 " + Fmt.ms(r.load().latencyMicros().p99()) + " ms beside them (" + r.verdict().id() + ").";
    }

    /*
     * Seconds are written from milliseconds by Fmt.ms's rule (milliseconds of microseconds): the same digits.
     */

    /** Every server cut the heads off at its head timeout: the pool is held until then, and comes back after. */
    private static String caveat(List<Sourced<SlowlorisResult>> slowloris) {
        SlowlorisResult first = slowloris.get(0).value();
        List<String> cut = slowloris.stream().map(Sourced::value).map(r -> r.server() + " "
                + (r.cutOff() == 0 ? "never" : "after " + Fmt.ms(r.cutOffMedianMillis()) + " s")).toList();
        return "A head timeout (here " + Fmt.ms(first.headTimeoutMillis()) + " s) bounds how long a slow client holds what it"
                + " holds; median cut-off: " + String.join(", ", cut) + ". Until then a pool of N platform threads is gone at N slow"
                + " clients: bound the connections per client in front of it.";
    }
}
