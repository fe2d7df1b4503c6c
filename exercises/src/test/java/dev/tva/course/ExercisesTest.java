package dev.tva.course;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry holds the eight exercises once each, and every available one has its stub and its solution where the grader looks. */
class ExercisesTest {

    @Test
    void theEightExercisesAreRegisteredOnceEachInTheTutorialsOrder() {
        assertThat(Exercises.ALL).extracting(Exercise::id).containsExactly("restaurant", "size-the-pool", "offload-the-loop",
                "fan-out-with-deadline", "await-it", "unpin", "bulkhead", "stop-the-stream");
        assertThat(Exercises.ALL).allSatisfy(e -> {
            assertThat(e.lessons()).as(e.id()).isNotEmpty();
            assertThat(e.section()).as(e.id()).isBetween(1, 8);
            assertThat(e.minutes()).as(e.id()).isPositive();
        });
    }

    @Test
    void anUnknownIdIsNoExercise() {
        assertThat(Exercises.byId("nosuch")).isEmpty();
        assertThat(Exercises.byId("restaurant")).get().extracting(Exercise::id).isEqualTo("restaurant");
    }

    @Test
    void everyAvailableExerciseHasItsStubAndItsSolutionBesideItsChecks() {
        Path root = Repository.root();
        boolean solutions = Files.isDirectory(root.resolve(Source.SOLUTION.folder())); // a student's copy has none
        assertThat(Exercises.available()).isNotEmpty();
        for (Exercise e : Exercises.available()) {
            CheckSuite<?> suite = e.checks();
            assertThat(suite.checks()).as(e.id()).isNotEmpty();
            for (Source source : solutions ? Source.values() : new Source[] {Source.STUDENT}) {
                assertThat(root.resolve(source.packageFolder(suite.packageName())).resolve(suite.studentClass() + ".java"))
                        .as(e.id() + " " + source).isRegularFile();
            }
        }
    }

    @Test
    void anExerciseNotYetAvailableCannotBeGraded() {
        Exercise planned = Exercise.planned("not-yet-written", "sleep", 2, "nothing to change yet", 10);

        assertThatThrownBy(() -> Grader.grade(planned, Source.STUDENT, Repository.root()))
                .isInstanceOf(ExerciseException.class).hasMessageContaining("'" + planned.id() + "' is not yet available");
    }

    @Test
    void theRepositoryIsFoundFromAnyFolderInsideItAndOutsideItIsOneClearError() throws Exception {
        Path root = Repository.root();
        assertThat(root.resolve("exercises/src/main/java")).isDirectory();
        assertThat(Repository.root(root.resolve("exercises/src/main/java/dev"))).isEqualTo(root);

        Path outside = Files.createTempDirectory("no-lab-");
        try {
            assertThatThrownBy(() -> Repository.root(outside)).isInstanceOf(ExerciseException.class)
                    .hasMessageContaining("found no exercises/src/main/java in " + outside.toAbsolutePath());
        } finally {
            Files.delete(outside);
        }
    }
}
