package dev.tva.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code lab exercise check restaurant --solution} compiles the reference solution, runs its checks in a child JVM, and exits 0. */
class ExerciseCliIT {

    @Test
    void theReferenceSolutionPassesEveryCheckThroughTheCommandLine() {
        assumeTrue(Files.isDirectory(Path.of("..", "exercises", "src", "solutions")), "no reference solutions in this copy (a student's)");
        LabCliTest.Ran ran = LabCliTest.lab("exercise", "check", "restaurant", "--solution");

        assertThat(ran.exit()).as(ran.out() + ran.err()).isZero();
        assertThat(ran.out()).contains("Checking the reference solution in exercises/src/solutions/java/dev/tva/solutions/restaurant/")
                .containsPattern("(?m)^PASS  every order is served: ")
                .containsPattern("(?m)^PASS  every order is cooked on a virtual thread: 3 of 3 ")
                .doesNotContain("FAIL").contains("3 of 3 checks passed: solved.");
    }
}
