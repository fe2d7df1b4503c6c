package dev.tva.course;

/**
 * How one check went: its claim, whether it passed, what it saw, (on failure) its hint, and whether it was skipped
 * (it could not be measured here, e.g. without a database; a skipped check counts as passed). The check JVM writes
 * one per line as JSON; the grader reads them back.
 */
public record CheckResult(String claim, boolean passed, String saw, String hint, boolean skipped) {

    static CheckResult of(Check<?> check, Check.Seen seen) {
        return new CheckResult(check.claim(), seen.held(), seen.what(), seen.held() ? null : check.hint(), seen.skipped());
    }

    static CheckResult failed(Check<?> check, String saw) {
        return new CheckResult(check.claim(), false, saw, check.hint(), false);
    }
}
