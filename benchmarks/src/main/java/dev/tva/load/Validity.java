package dev.tva.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a run's numbers can be trusted, and if not, why: typed ({@link Fault}) and in one line. A
 * latency measured while requests failed, timed out or left late describes a different load than the one
 * asked for.
 */
record Validity(boolean valid, List<Fault> faults, String reason) {
    /** More late requests than this share makes a run invalid: the load was not the one asked for. */
    static final double MAX_LATE_SHARE = 0.01;

    static Validity of(LoadSettings settings, long scheduled, long completed, long errors, Map<String, Long> byStatus,
                       long connectionErrors, long timeouts, long lateNoConnection, long lateGenerator) {
        List<String> reasons = new ArrayList<>();
        EnumSet<Fault> faults = EnumSet.noneOf(Fault.class);
        if (errors > 0) {
            faults.add(Fault.ERRORS);
            List<String> kinds = new ArrayList<>();
            byStatus.forEach((status, count) -> kinds.add(status + ": " + count));
            if (connectionErrors > 0) {
                kinds.add("connection failures: " + connectionErrors);
            }
            reasons.add(String.format(Locale.ROOT, "%,d of %,d requests failed (%s)", errors, scheduled, String.join(", ", kinds)));
        }
        if (timeouts > 0) {
            faults.add(Fault.TIMEOUTS);
            reasons.add(String.format(Locale.ROOT, "%,d requests got no answer within %s", timeouts, describe(settings.timeout())));
        }
        long late = lateNoConnection + lateGenerator;
        if (scheduled > 0 && late > MAX_LATE_SHARE * scheduled) {
            boolean serverBehind = lateNoConnection >= lateGenerator;
            faults.add(serverBehind ? Fault.SERVER_BEHIND : Fault.GENERATOR_BEHIND);
            String why = serverBehind
                    ? String.format(Locale.ROOT, "every one of the %,d connections was busy — the server is not keeping up at this rate (or raise --connections)",
                            settings.connections())
                    : "the generator fell behind its schedule — it was short of CPU or still opening connections ("
                    + (settings.warmup().isZero() ? "a cold JVM: try --warmup 5s; " : "")
                    + "a busy machine, or too high a rate for one process)";
            reasons.add(String.format(Locale.ROOT, "%s of requests were sent late (over %s after their intended time): %s",
                    percent(late, scheduled), describe(settings.lateThreshold()), why));
        }
        if (reasons.isEmpty() && completed == 0) {
            faults.add(Fault.NO_ANSWER);
            reasons.add("no request was answered");
        }
        return reasons.isEmpty() ? new Validity(true, List.of(), null)
                : new Validity(false, List.copyOf(faults), String.join("; ", reasons));
    }

    private static String percent(long part, long whole) {
        double p = 100.0 * part / whole;
        return String.format(Locale.ROOT, p >= 10 ? "%.0f%%" : "%.1f%%", p);
    }

    private static String describe(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
