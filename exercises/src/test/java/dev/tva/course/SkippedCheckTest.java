package dev.tva.course;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A check that could not be measured here (no database) prints SKIP with why, counts as not failed, and the summary says what was not graded. */
class SkippedCheckTest {
    private static final Check<Object> MEASURED = new Check<>("the pool keeps up", "size it by Little's law", student -> Check.Seen.held("ok"));
    private static final Check<Object> NEEDS_DB = new Check<>("the connection pool keeps up", "the same law", student -> Check.Seen.held("ok"));

    @Test
    void aSkippedCheckPassesWithoutAHintAndSaysWhy() {
        CheckResult result = CheckResult.of(NEEDS_DB, Check.Seen.skipped("no database to measure on; to include this check, set LAB_JDBC_URL"));

        assertThat(result.passed()).isTrue();
        assertThat(result.skipped()).isTrue();
        assertThat(result.hint()).isNull();
        assertThat(CheckResult.of(MEASURED, Check.Seen.held("ok")).skipped()).isFalse();
    }

    @Test
    void theReportPrintsSkipAndASummaryThatDoesNotCallItSolved() {
        Grade.Checked grade = new Grade.Checked(List.of(CheckResult.of(MEASURED, Check.Seen.held("200 of 200 tasks/s")),
                CheckResult.of(NEEDS_DB, Check.Seen.skipped("no database to measure on"))), "");
        StringWriter text = new StringWriter();

        GradeReport.print(new PrintWriter(text, true), Exercises.byId("restaurant").orElseThrow(), Source.STUDENT, grade);

        assertThat(grade.exitCode()).isZero();
        assertThat(grade.skipped()).isEqualTo(1);
        assertThat(text.toString()).contains("PASS  the pool keeps up: 200 of 200 tasks/s")
                .contains("SKIP  the connection pool keeps up: no database to measure on")
                .contains("1 of 2 checks passed, 1 skipped (see why above): nothing failed, but what a skipped check grades was not measured.")
                .doesNotContain("hint:").doesNotContain("solved.");
    }

    @Test
    void aFailureBesideASkipIsNotSolved() {
        Grade.Checked grade = new Grade.Checked(List.of(CheckResult.of(MEASURED, Check.Seen.missed("80 of 200 tasks/s")),
                CheckResult.of(NEEDS_DB, Check.Seen.skipped("no database to measure on"))), "");
        StringWriter text = new StringWriter();

        GradeReport.print(new PrintWriter(text, true), Exercises.byId("restaurant").orElseThrow(), Source.STUDENT, grade);

        assertThat(grade.exitCode()).isEqualTo(1);
        assertThat(text.toString()).contains("FAIL  the pool keeps up: 80 of 200 tasks/s").contains("hint: size it by Little's law")
                .contains("0 of 2 checks passed, 1 skipped (see why above): not solved yet.");
    }
}
