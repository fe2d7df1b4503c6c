package dev.tva.report;

import dev.tva.workloads.RunResult;

import java.util.Locale;

/** The report's number formats, fixed to {@link Locale#ROOT} so the same JSON always gives the same text. */
public final class Fmt {

    private Fmt() {
    }

    /** A count or rate, rounded to a whole number with thousands separators: {@code 99,380}. */
    public static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    /** Microseconds as milliseconds, with the precision a reader needs: {@code 441}, {@code 53.9}, {@code 2.15}. */
    public static String ms(double micros) {
        double ms = micros / 1000;
        return String.format(Locale.ROOT, ms >= 100 ? "%,.0f" : ms >= 10 ? "%.1f" : "%.2f", ms);
    }

    /** A fraction as a whole percentage: {@code 0.994} is {@code 99%}. */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    /** A JMH score or error, with three significant digits at least: {@code 84.9}, {@code 5.26}, {@code 1,535}. */
    public static String score(double value) {
        double abs = Math.abs(value);
        return String.format(Locale.ROOT, abs >= 100 ? "%,.0f" : abs >= 10 ? "%.1f" : abs >= 1 ? "%.2f" : "%.3f", value);
    }

    /** A throughput with its 95% interval, or a note that it has none: {@code 99,380 tasks/s (95% interval 98,493 to 100,267)}. */
    public static String throughput(RunResult r) {
        return count(r.throughputPerSec()) + " tasks/s " + interval(r);
    }

    /** The 95% interval of a run's throughput in brackets, or why there is none. */
    public static String interval(RunResult r) {
        if (r.throughputLowPerSec() == null || r.throughputHighPerSec() == null) {
            return r.windows() > 0 ? "(one window: no interval)" : "(older method: no interval)";
        }
        return "(95% interval " + count(r.throughputLowPerSec()) + " to " + count(r.throughputHighPerSec()) + ")";
    }
}
