package dev.tva.report;

import dev.tva.engine.IdleResult;
import dev.tva.load.LoadResult;
import dev.tva.workloads.web.ServerLimits;

import java.util.Locale;

/** One server's idle-connections run as text: what the connections cost it, whether they stayed open, and the load's latency. */
public final class IdleText {
    private IdleText() {
    }

    public static String block(IdleResult r) {
        LoadResult load = r.load();
        StringBuilder b = new StringBuilder();
        line(b, "%s: %,d of %,d idle connections served (one GET /hello each, keep-alive) in %.1f s%s; warm-up %s", r.label(), r.served(),
                r.idle(), r.openMillis() / 1000.0, r.firstFailure() == null ? "" : "; first failure: " + r.firstFailure(),
                r.steady() ? "steady" : "NOT steady");
        line(b, "  server before: %,d MB RSS, %,d threads; with them open: %,d MB RSS, %,d threads (%+,.1f KiB and %+,.3f threads per connection)",
                r.rssMbBefore(), r.threadsBefore(), r.rssMbWith(), r.threadsWith(), r.rssKibPerConnection(),
                r.served() == 0 ? 0.0 : (double) (r.threadsWith() - r.threadsBefore()) / r.served());
        line(b, "  load beside them: GET %s at %,.0f/s for %d s: p50 %s, p99 %s, max %s ms; %,d answered, %,d errors, %,d timeouts",
                r.path(), load.targetPerSec(), load.durationMillis() / 1000, ms(load.latencyMicros().p50()), ms(load.latencyMicros().p99()),
                ms(load.latencyMicros().max()), load.completed(), load.errors(), load.timeouts());
        line(b, "  still open at the end: %,d of %,d (the first silent for %d s; servers close idle connections after %d s)%s",
                r.stillOpen(), r.served(), r.silentMillis() / 1000, ServerLimits.IDLE_TIMEOUT.toSeconds(),
                r.silentMillis() >= ServerLimits.IDLE_TIMEOUT.toMillis() ? " — the count came too late to mean anything" : "");
        line(b, "  verdict: %s", switch (r.verdict()) {
            case HELD -> "HELD (every idle connection open, p99 under " + r.sloMillis() + " ms)";
            case SLOW -> "SLOW (p99 over " + r.sloMillis() + " ms, or requests failed)";
            case DROPPED -> "DROPPED (idle connections refused, unserved or closed)";
            case CRASHED -> "CRASHED";
        });
        return b.toString();
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, micros < 10_000 ? "%.1f" : "%,.0f", micros / 1000.0);
    }

    private static void line(StringBuilder b, String format, Object... args) {
        b.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
