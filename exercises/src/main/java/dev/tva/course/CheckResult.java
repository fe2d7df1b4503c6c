package dev.tva.course;

/**
 * How one check went: its claim, whether it passed, what it saw, and (on failure) its hint. The check JVM writes one
 * per line as JSON; the grader reads them back.
 */
public record CheckResult(String claim, boolean passed, String saw, String hint) {

    static CheckResult of(Check<?> check, Check.Seen seen) {
        return new CheckResult(check.claim(), seen.held(), seen.what(), seen.held() ? null : check.hint());
    }

    static CheckResult failed(Check<?> check, String saw) {
        return new CheckResult(check.claim(), false, saw, check.hint());
    }
}
