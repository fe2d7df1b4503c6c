package dev.tva.report;

import dev.tva.verdict.Cause;
import dev.tva.workloads.RunResult;

import java.util.List;
import java.util.stream.Collectors;

/** The clauses the summary and the decision guide share: a run's number with its interval, a comparison's verdict. */
final class Sentences {

    private Sentences() {
    }

    /** {@code virtual 99,380 tasks/s (95% interval 98,493 to 100,267), 99% of the bound}. */
    static String run(RunResult r) {
        return r.label() + " " + Fmt.throughput(r) + (r.efficiency() == null ? "" : ", " + Fmt.percent(r.efficiency()) + " of the bound");
    }

    /**
     * The comparison's verdict by the lab's rule: the leaders, then the rows they beat measurably, with the typed cause
     * of a trailing row where it has one; or that no row was measurably faster.
     */
    static String verdict(Comparison c) {
        List<RunResult> leaders = c.leaders();
        List<RunResult> trailing = c.trailing();
        if (trailing.isEmpty()) {
            return "no model was measurably faster: " + c.rows().stream().map(Sentences::run).collect(Collectors.joining("; "))
                    + bound(c.rows().get(0));
        }
        String lead = leaders.stream().map(Sentences::run).collect(Collectors.joining("; "))
                + (leaders.size() > 1 ? ", no measurable difference between them" : "");
        String behind = trailing.stream().map(r -> run(r) + cause(c, r)).collect(Collectors.joining("; "));
        return lead + "; measurably behind: " + behind + bound(c.rows().get(0));
    }

    /** Why a trailing row trails, when its cause is one of threads. */
    private static String cause(Comparison c, RunResult r) {
        Cause cause = c.verdict().causes().get(r.label());
        if (cause == Cause.THREADS && r.waitSlots() != null) {
            return ", holding one wait per thread, " + Fmt.count(r.waitSlots()) + " at a time";
        }
        return "";
    }

    private static String bound(RunResult r) {
        return r.boundPerSec() == null ? "" : " (bound " + Fmt.count(r.boundPerSec()) + " tasks/s: " + r.boundRule() + ")";
    }
}
