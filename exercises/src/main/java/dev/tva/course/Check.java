package dev.tva.course;

/**
 * One claim about the student's code, graded by running it: the claim, the hint a failure gets, and the trial.
 *
 * @param claim what must hold, as a sentence ({@code every order is cooked on a virtual thread})
 * @param hint  one hint, printed when the claim does not hold: what to change, not the answer's code
 * @param trial runs the student's code and says what it saw
 * @param <T>   the interface the student implements
 */
public record Check<T>(String claim, String hint, Trial<T> trial) {

    /** Runs the student's code (once or a few times) and measures the claim. */
    @FunctionalInterface
    public interface Trial<T> {
        Seen run(T student) throws Exception;
    }

    /**
     * What a trial saw: whether the claim held, and the measured value against its target, in words
     * ({@code 421 ms, target under 360 ms}).
     */
    public record Seen(boolean held, String what) {
        public static Seen held(String what) {
            return new Seen(true, what);
        }

        public static Seen missed(String what) {
            return new Seen(false, what);
        }
    }
}
