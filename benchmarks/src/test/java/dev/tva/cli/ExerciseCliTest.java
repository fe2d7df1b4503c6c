package dev.tva.cli;

import dev.tva.course.Exercise;
import dev.tva.course.Exercises;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lab exercise list} shows every exercise with a real lesson and its section; a wrong or unavailable id is one line and exit code 2. */
class ExerciseCliTest {

    @Test
    void listShowsEveryExerciseWithItsLessonSectionAndTimeAndSaysWhichAreNotYetAvailable() {
        LabCliTest.Ran ran = LabCliTest.lab("exercise", "list");

        assertThat(ran.exit()).isZero();
        for (Exercise e : Exercises.ALL) {
            assertThat(ran.out()).containsPattern("(?m)^" + Pattern.quote(e.id()) + " +" + Pattern.quote(String.join(", ", e.lessons()))
                    + " +" + e.sectionLabel() + " +" + e.minutes() + " min +" + (e.available() ? "" : Pattern.quote("(not yet available) ")));
        }
    }

    @Test
    void everyExercisesLessonIsALessonOfLabLessonsInTheSameSection() {
        String lessons = LabCliTest.lab("lessons").out();

        for (Exercise e : Exercises.ALL) {
            assertThat(lessons).as(e.id()).containsPattern("(?m)^" + Pattern.quote(e.lessons().getFirst()) + " +" + e.sectionLabel() + " ");
            for (String lesson : e.lessons()) {
                assertThat(lessons).as(e.id()).containsPattern("(?m)^" + Pattern.quote(lesson) + " ");
            }
        }
    }

    @Test
    void anUnknownExerciseIsOneLineListingTheIdsAndExitCodeTwo() {
        LabCliTest.Ran ran = LabCliTest.lab("exercise", "check", "nosuch");

        assertThat(ran.exit()).isEqualTo(2);
        assertThat(ran.err().lines()).hasSize(1);
        assertThat(ran.err()).startsWith("lab exercise check: ").contains("'nosuch' is not an exercise; expected one of " + Exercises.ids(Exercises.ALL))
                .doesNotContain("Exception");
        assertThat(ran.out()).isEmpty();
    }

    @Test
    void checkWithoutAnIdIsBadInput() {
        LabCliTest.Ran ran = LabCliTest.lab("exercise", "check");

        assertThat(ran.exit()).isEqualTo(2);
        assertThat(ran.err().lines()).hasSize(1);
        assertThat(ran.err()).contains("Missing required parameter: 'ID'");
    }
}
