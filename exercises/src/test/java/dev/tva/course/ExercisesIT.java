package dev.tva.course;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Both sides of every available exercise, graded as {@code lab exercise check} grades them (compiled from source, checked
 * in a JVM of their own): the student's stub fails, by what it does, and the reference solution passes every check. A check
 * that needs a database is skipped without one (it then passes); a stub that fails nothing else is then not shown to fail,
 * and its test is skipped too, unless {@code LAB_REQUIRE_DB=1} makes the missing database a failure.
 * A copy without the solutions is a student's, whose stubs are their work: there it asserts nothing.
 */
class ExercisesIT {

    @BeforeAll
    static void onlyInTheLabsOwnRepository() {
        assumeTrue(Files.isDirectory(Repository.root().resolve(Source.SOLUTION.folder())),
                "no reference solutions in this copy (a student's): the stubs are the student's work");
    }

    static List<String> available() {
        return Exercises.available().stream().map(Exercise::id).toList();
    }

    @ParameterizedTest(name = "{0}: the stub fails")
    @MethodSource("available")
    void theStubFailsItsChecks(String id) throws Exception {
        Grade grade = Grader.grade(Exercises.byId(id).orElseThrow(), Source.STUDENT, Repository.root());

        assertThat(grade).isInstanceOf(Grade.Checked.class);
        Grade.Checked checked = (Grade.Checked) grade;
        assumeFalse(checked.exitCode() == 0 && checked.skipped() > 0, () -> id + ": its checks were skipped here: "
                + checked.results().stream().filter(CheckResult::skipped).map(CheckResult::saw).findFirst().orElse(""));
        assertThat(checked.exitCode()).isEqualTo(1);
        assertThat(checked.results()).hasSize(Exercises.byId(id).orElseThrow().checks().checks().size())
                .anySatisfy(result -> assertThat(result.passed()).isFalse())
                .allSatisfy(result -> {
                    assertThat(result.saw()).as("every check ran to its end").doesNotStartWith("not run").doesNotContain("did not return within");
                    if (!result.passed()) {
                        assertThat(result.hint()).as(result.claim()).isNotBlank();
                    }
                });
    }

    @ParameterizedTest(name = "{0}: the solution passes")
    @MethodSource("available")
    void theSolutionPassesEveryCheck(String id) throws Exception {
        Grade grade = Grader.grade(Exercises.byId(id).orElseThrow(), Source.SOLUTION, Repository.root());

        assertThat(grade).isInstanceOf(Grade.Checked.class);
        Grade.Checked checked = (Grade.Checked) grade;
        assertThat(checked.results()).isNotEmpty().allSatisfy(result -> assertThat(result.passed()).as(result.claim() + ": " + result.saw()).isTrue());
        assertThat(checked.exitCode()).isZero();
    }
}
