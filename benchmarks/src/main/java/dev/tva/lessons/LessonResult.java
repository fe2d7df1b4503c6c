package dev.tva.lessons;

/**
 * What a lesson measured, as typed numbers (each lesson has its own record), and the "what to notice"
 * written from them. A lesson never prints a canned conclusion: when its numbers do not show the claim
 * on this run, {@link #shown()} is false and the notice says what the numbers did show.
 */
public interface LessonResult {

    /** True when this run's numbers show what the lesson sets out to show. */
    boolean shown();

    /** The "what to notice" sentences, computed from the numbers. */
    String notice();

    /** True when the run has printed its "what to notice" itself (the tour's sections do), so it is not printed again. */
    default boolean noticePrinted() {
        return false;
    }
}
