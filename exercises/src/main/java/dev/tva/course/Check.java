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
     * ({@code 421 ms, target under 360 ms}); or that it could not be measured here and was skipped, which
     * counts as not failed ({@code skipped}, with {@code what} saying why and how to make it run).
     */
    public record Seen(boolean held, String what, boolean skipped) {
        public Seen(boolean held, String what) {
            this(held, what, false);
        }

        public static Seen held(String what) {
            return new Seen(true, what);
        }

        public static Seen missed(String what) {
            return new Seen(false, what);
        }

        /** Not measured here (e.g. no database), and so not failed: {@code why} says what it needs. */
        public static Seen skipped(String why) {
            return new Seen(true, why, true);
        }
    }
}
