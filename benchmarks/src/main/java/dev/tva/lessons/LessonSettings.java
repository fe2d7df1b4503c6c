package dev.tva.lessons;

/**
 * How big a lesson run is. {@link Scale#STANDARD} is what {@code lab lesson ID} runs (each new lesson
 * under a minute on 2 cores); {@link Scale#TINY} is for tests: the same code, the same claim, smaller
 * numbers.
 *
 * @param scale   standard or tiny
 * @param streams long-lived: {@code /stream} clients held open on each server at once (default 500)
 */
public record LessonSettings(Scale scale, int streams) {
    public static final int DEFAULT_STREAMS = 500;
    public static final LessonSettings STANDARD = new LessonSettings(Scale.STANDARD, DEFAULT_STREAMS);
    public static final LessonSettings TINY = new LessonSettings(Scale.TINY, 50);

    public LessonSettings {
        if (streams < 1 || streams > 20_000) {
            throw new IllegalArgumentException("streams: expected 1..20000, got " + streams);
        }
    }

    /** Standard or tiny. */
    public enum Scale {
        STANDARD, TINY
    }

    public boolean tiny() {
        return scale == Scale.TINY;
    }

    /** {@code standard} on a standard run, {@code tiny} on a tiny one. */
    public int pick(int standard, int tiny) {
        return tiny() ? tiny : standard;
    }

    public long pick(long standard, long tiny) {
        return tiny() ? tiny : standard;
    }

    public LessonSettings withStreams(int n) {
        return new LessonSettings(scale, n);
    }
}
