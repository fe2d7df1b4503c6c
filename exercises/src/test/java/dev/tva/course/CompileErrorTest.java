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
    void theFirstErrorIsReportedWithItsFileAndLineAndTheExitCodeIsOne(@TempDir Path copy) throws Exception {
        int broken = breakTheStub(copy, "        return dishes;", "        return dishes");
        Exercise restaurant = Exercises.byId("restaurant").orElseThrow();

        StringWriter text = new StringWriter();
        int exit = Grader.check(restaurant, Source.STUDENT, copy, new PrintWriter(text, true));

        assertThat(exit).isEqualTo(1);
        List<String> lines = text.toString().lines().toList();
        String first = lines.stream().filter(line -> line.contains(": error: ")).findFirst().orElseThrow();
        assertThat(first).isEqualTo(STUB + ":" + broken + ": error: ';' expected");
        assertThat(text.toString()).contains("1 compile error").doesNotContain("PASS").doesNotContain("FAIL");
    }

    @Test
    void onlyTheFirstOfSeveralErrorsIsShownAndTheOthersAreCounted(@TempDir Path copy) throws Exception {
        int first = breakTheStub(copy, "            dishes.add(kitchen.cook(order));", "            dishes.add(kitchen.cook(orders));");
        breakTheStub(copy, "        return dishes;", "        return plates;");
        Exercise restaurant = Exercises.byId("restaurant").orElseThrow();

        Grade grade = Grader.grade(restaurant, Source.STUDENT, copy);

        assertThat(grade).isInstanceOf(Grade.NotCompiled.class);
        Grade.NotCompiled error = (Grade.NotCompiled) grade;
        assertThat(error.firstError()).startsWith(STUB + ":" + first + ": error: ");
        assertThat(error.errors()).isGreaterThanOrEqualTo(2);
        assertThat(error.exitCode()).isEqualTo(1);
    }

    /** Copies the repository's stub into {@code copy} (once), replaces one line, and returns that line's number. */
    private static int breakTheStub(Path copy, String line, String replacement) throws Exception {
        Path target = copy.resolve(STUB);
        if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            Files.copy(Repository.root().resolve(STUB), target);
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(target, StandardCharsets.UTF_8));
        int index = lines.indexOf(line);
        assertThat(index).as("the stub has the line '%s'", line).isNotNegative();
        lines.set(index, replacement);
        Files.write(target, lines, StandardCharsets.UTF_8);
        return index + 1;
    }
}
