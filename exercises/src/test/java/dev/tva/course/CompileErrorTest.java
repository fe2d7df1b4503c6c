package dev.tva.course;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A student's code that does not compile gets javac's first error, with its file (relative to the repository) and line, and exit code 1. */
class CompileErrorTest {
    private static final String STUB = "exercises/src/main/java/dev/tva/exercises/restaurant/StudentWaiter.java";

    @Test
    void theFirstErrorIsReportedWithItsFileLineAndCodeAndTheExitCodeIsOne(@TempDir Path copy) throws Exception {
        int broken = copyTheStubAdding(copy, "int broken = ;");
        Exercise restaurant = Exercises.byId("restaurant").orElseThrow();

        StringWriter text = new StringWriter();
        int exit = Grader.check(restaurant, Source.STUDENT, copy, new PrintWriter(text, true));

        assertThat(exit).isEqualTo(1);
        List<String> lines = text.toString().lines().toList();
        int first = lines.indexOf(lines.stream().filter(line -> line.contains(": error: ")).findFirst().orElseThrow());
        assertThat(lines.get(first)).startsWith(STUB + ":" + broken + ": error: ");
        assertThat(lines.get(first + 1)).isEqualTo("int broken = ;");
        assertThat(lines.get(first + 2)).matches(" *\\^");
        assertThat(text.toString()).contains("compile error").doesNotContain("PASS").doesNotContain("FAIL");
    }

    @Test
    void onlyTheFirstOfSeveralErrorsIsShownAndTheOthersAreCounted(@TempDir Path copy) throws Exception {
        int first = copyTheStubAdding(copy, "class Broken { int count = \"one\";", "String name = 2; }");
        Exercise restaurant = Exercises.byId("restaurant").orElseThrow();

        Grade grade = Grader.grade(restaurant, Source.STUDENT, copy);

        assertThat(grade).isInstanceOf(Grade.NotCompiled.class);
        Grade.NotCompiled error = (Grade.NotCompiled) grade;
        assertThat(error.firstError()).startsWith(STUB + ":" + first + ": error: incompatible types").doesNotContain(":" + (first + 1) + ":");
        assertThat(error.errors()).isEqualTo(2);
        assertThat(error.exitCode()).isEqualTo(1);
    }

    /** Copies the repository's stub into a temporary repository root, adds lines at its end, and returns the first added line's number. */
    private static int copyTheStubAdding(Path copy, String... added) throws Exception {
        Path target = copy.resolve(STUB);
        Files.createDirectories(target.getParent());
        List<String> lines = new ArrayList<>(Files.readAllLines(Repository.root().resolve(STUB), StandardCharsets.UTF_8));
        int first = lines.size() + 1;
        lines.addAll(List.of(added));
        Files.write(target, lines, StandardCharsets.UTF_8);
        return first;
    }
}
