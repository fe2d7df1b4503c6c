package dev.tva.report;

import dev.tva.engine.ServerBench;
import dev.tva.load.Fault;
import dev.tva.verdict.Cause;
import dev.tva.workloads.web.Endpoint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The "what to notice" of the servers' rows, computed from typed causes ({@link Cause}), never from
 * matching strings: a row the generator could not pace is never blamed on its server.
 */
public final class ServerVerdicts {
    /** A rate more than this above a row's bound is beyond what the bound allows. */
    static final double OVER_BOUND = 1.05;
    /** The machine's cores this busy (server, backend and generator CPU over the measured time) have run out. */
    static final double BUSY = 0.80;

    private ServerVerdicts() {
    }

    /**
     * What set a row's pace, from its numbers; empty when nothing typed explains it. A rate beyond the
     * server's bound comes first: Little's law caps that server whatever else happened, the generator
     * sending a few requests late included. Otherwise a generator that fell behind explains the row.
     */
    public static Optional<Cause> cause(ServerBench.Row r) {
        if (overBound(r)) {
            return Optional.of(r.endpoint() == Endpoint.DB ? Cause.POOL : Cause.THREADS);
        }
        if (r.generatorLimited()) {
            return Optional.of(Cause.GENERATOR_LIMITED);
        }
        boolean fellBehind = r.faults().contains(Fault.SERVER_BEHIND) || r.faults().contains(Fault.TIMEOUTS);
        if (fellBehind && coresBusy(r) >= BUSY) {
            return Optional.of(Cause.CORES);
        }
        if (r.faults().contains(Fault.ERRORS) || r.faults().contains(Fault.TIMEOUTS) || r.faults().contains(Fault.NO_ANSWER)) {
            return Optional.of(Cause.ERRORS);
        }
        if (!r.steady()) {
            return Optional.of(Cause.NOT_STEADY);
        }
        return r.endpoint() == Endpoint.CPU ? Optional.of(Cause.CORES) : Optional.empty();
    }

    /** The share of the machine's cores that server, backend and generator used together while the row was measured; NaN if unknown. */
    public static double coresBusy(ServerBench.Row r) {
        if (r.serverCpuMillis() < 0 || r.backendCpuMillis() < 0 || r.generatorCpuMillis() < 0 || r.durationMillis() <= 0) {
            return Double.NaN;
        }
        return (r.serverCpuMillis() + r.backendCpuMillis() + r.generatorCpuMillis()) / (double) (r.durationMillis() * r.env().cores());
    }

    private static boolean overBound(ServerBench.Row r) {
        return r.boundPerSec() != null && r.targetPerSec() > r.boundPerSec() * OVER_BOUND;
    }

    /** What to notice, computed from the rows; empty when nothing stands out. */
    public static String notice(List<ServerBench.Row> rows, Duration slo) {
        List<String> said = new ArrayList<>();
        List<ServerBench.Row> paced = rows.stream().filter(r -> cause(r).orElse(null) != Cause.GENERATOR_LIMITED).toList();
        paced.stream().filter(r -> cause(r).filter(c -> c == Cause.THREADS || c == Cause.POOL).isPresent()).findFirst()
                .ifPresent(r -> said.add(bound(r, paced)));
        generatorLimited(rows).ifPresent(said::add);
        paced.stream().filter(r -> cause(r).orElse(null) == Cause.CORES && r.endpoint() != Endpoint.CPU).findFirst()
                .ifPresent(r -> said.add(String.format(Locale.ROOT, "%s fell behind at %,.0f/s with the machine's cores %.0f%% busy"
                        + " (server, backend and generator together): the CPU, not how the server runs its handlers, set the limit.",
                        r.label(), r.targetPerSec(), coresBusy(r) * 100)));
        double top = rows.stream().mapToDouble(ServerBench.Row::targetPerSec).max().orElse(0);
        List<String> atTop = ServerTable.sustained(rows, slo).entrySet().stream()
                .filter(e -> e.getValue().filter(v -> v >= top).isPresent()).map(Map.Entry::getKey).toList();
        if (!atTop.isEmpty()) {
            said.add(String.format(Locale.ROOT, "%s held p99 under %d ms up to the highest rate asked (%,.0f/s).",
                    String.join(", ", atTop), slo.toMillis(), top));
        }
        List<ServerBench.Row> pacedAtTop = paced.stream().filter(r -> r.targetPerSec() == top).toList();
        if (pacedAtTop.size() > 1) {
            double best = pacedAtTop.stream().mapToDouble(ServerBench.Row::achievedPerSec).max().orElse(0);
            double worst = pacedAtTop.stream().mapToDouble(ServerBench.Row::achievedPerSec).min().orElse(0);
            if (best > 0) {
                said.add(String.format(Locale.ROOT, "At %,.0f/s the servers answered between %,.0f/s and %,.0f/s (%.0f%% apart).",
                        top, worst, best, 100 * (best - worst) / best));
            }
        }
        if (!rows.isEmpty() && rows.get(0).endpoint() == Endpoint.CPU) {
            cpuPerAnswer(rows).ifPresent(said::add);
        }
        List<String> unsettled = rows.stream().filter(r -> !r.steady()).map(ServerBench.Row::label).distinct().toList();
        if (!unsettled.isEmpty()) {
            said.add(String.format(Locale.ROOT, "Not steady: %s did not settle within %s warm-up, so %s numbers are not to be trusted.",
                    String.join(", ", unsettled), unsettled.size() == 1 ? "its" : "their", unsettled.size() == 1 ? "its" : "their"));
        }
        return said.isEmpty() ? "" : "What to notice: " + String.join(" ", said);
    }

    /** A server beyond its bound: what the bound allows, what it served, and the queue's p99. */
    private static String bound(ServerBench.Row r, List<ServerBench.Row> paced) {
        ServerBench.Row worstOfServer = paced.stream().filter(x -> x.label().equals(r.label()))
                .max(Comparator.comparingLong(x -> x.latencyMicros().p99())).orElse(r);
        return String.format(Locale.ROOT,
                "%s can serve at most %,.0f/s (%s / wait, Little's law); asked for %,.0f/s it served %,.0f/s and"
                        + " the rest queued: p99 reached %s ms.",
                r.label(), r.boundPerSec(), r.endpoint() == Endpoint.DB ? "connections" : "threads", r.targetPerSec(),
                r.achievedPerSec(), ServerTable.millis(worstOfServer.latencyMicros().p99()));
    }

    /** The rows whose load the generator could not pace: their numbers describe the generator, not the servers. */
    private static Optional<String> generatorLimited(List<ServerBench.Row> rows) {
        List<ServerBench.Row> limited = rows.stream().filter(r -> cause(r).orElse(null) == Cause.GENERATOR_LIMITED).toList();
        if (limited.isEmpty()) {
            return Optional.empty();
        }
        List<String> which = limited.stream().map(r -> String.format(Locale.ROOT, "%s at %,.0f/s", r.label(), r.targetPerSec())).toList();
        long late = limited.stream().mapToLong(ServerBench.Row::lateGenerator).sum();
        long cpu = limited.stream().mapToLong(ServerBench.Row::generatorCpuMillis).map(m -> Math.max(0, m)).sum();
        long pause = limited.stream().mapToLong(ServerBench.Row::generatorMaxGcPauseMillis).max().orElse(-1);
        return Optional.of(String.format(Locale.ROOT,
                "For %s the load generator, not the server, set the pace: %,d requests left late because the generator's own"
                        + " schedule slipped (it used %.1f s of CPU%s, on cores it shares with everything else), so %s nothing about %s.",
                String.join(", ", which), late, cpu / 1000.0,
                pause > 0 ? String.format(Locale.ROOT, " and paused up to %,d ms for GC", pause) : "",
                limited.size() == 1 ? "this row says" : "these rows say", limited.size() == 1 ? "its server" : "their servers"));
    }

    /** For /cpu: the CPU each server spent per answer, from its own CPU time: the same work costs the same everywhere. */
    private static Optional<String> cpuPerAnswer(List<ServerBench.Row> rows) {
        double least = Double.MAX_VALUE;
        double most = 0;
        for (ServerBench.Row r : rows) {
            if (r.serverCpuMillis() > 0 && r.completed() > 0) {
                double perAnswer = r.serverCpuMillis() * 1000.0 / r.completed();
                least = Math.min(least, perAnswer);
                most = Math.max(most, perAnswer);
            }
        }
        return most == 0 ? Optional.empty() : Optional.of(String.format(Locale.ROOT,
                "The work is CPU: every server spent %,.0f to %,.0f us of CPU per answer, so none serves more than the cores allow,"
                        + " whatever runs the handlers: async gains nothing here.", least, most));
    }
}
