package dev.tva.bench;

import java.util.Locale;
import java.util.Optional;

/** JMH scores in prose: a number with its interval and unit, and how two times compare when they measurably differ. */
public final class ScoreText {
    /** What the text says of two scores whose intervals overlap. */
    public static final String NO_DIFFERENCE = "no measurable difference (the intervals overlap)";

    private ScoreText() {
    }

    /** {@code 42.7 ± 20.0 us} or {@code 88,417 ± 1,062 tasks/s}: a score in prose, with its interval. */
    public static String text(Score s) {
        String unit = switch (s.unit()) {
            case "ops/s" -> "tasks/s"; // every throughput suite counts one operation per task
            default -> s.unit().replace("/op", "");
        };
        return (s.hasInterval() ? num(s.mean()) + " ± " + num(s.error()) : num(s.mean())) + " " + unit;
    }

    /** Three significant figures or whole numbers with thousands separators. */
    public static String num(double v) {
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /**
     * {@code 3.2x faster} / {@code 1.4x slower} / {@code 6% faster}: how time {@code a} compares with time
     * {@code b} (lower is better), or empty when their intervals overlap and no difference is measurable.
     */
    public static Optional<String> fasterTime(Score a, Score b) {
        if (!a.separatesFrom(b)) {
            return Optional.empty();
        }
        double r = a.ratio(b);
        String word = r < 1 ? "faster" : "slower";
        double times = r < 1 ? 1 / r : r;
        return Optional.of(times < 1.1 ? String.format(Locale.ROOT, "%.0f%% %s", 100 * (times - 1), word)
                : String.format(Locale.ROOT, "%.1fx %s", times, word));
    }
}
