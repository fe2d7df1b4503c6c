package dev.tva.course;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Grades an exercise: compiles the student's (or the solution's) package from source, then runs its checks in a JVM of their own. */
public final class Grader {
    private Grader() {
    }

    /**
     * Compiles and checks {@code source}'s code for {@code exercise}, in a temporary folder removed afterwards.
     *
     * @param root the repository's root ({@link Repository#root()})
     * @throws ExerciseException when the exercise is not available or its sources, or a compiler, are missing
     */
    public static Grade grade(Exercise exercise, Source source, Path root) throws IOException, InterruptedException {
        if (!exercise.available()) {
            throw new ExerciseException("exercise '" + exercise.id() + "' is not yet available; available: " + Exercises.ids(Exercises.available()));
        }
        Path work = Files.createTempDirectory("lab-exercise-");
        try {
            Path classes = work.resolve("classes");
            var error = StudentCompiler.compile(root, source, exercise.checks().packageName(), classes);
            if (error.isPresent()) {
                return new Grade.NotCompiled(error.get().firstError(), error.get().errors());
            }
            CheckJvm.Ran ran = CheckJvm.run(exercise, source, classes, work);
            return new Grade.Checked(ran.results(), ran.output());
        } finally {
            delete(work);
        }
    }

    /** {@code lab exercise check}: prints what it checks, then each check's line (or javac's first error), and returns the exit code. */
    public static int check(Exercise exercise, Source source, Path root, PrintWriter out) throws IOException, InterruptedException {
        if (exercise.available()) {
            StudentCompiler.sources(root, source, exercise.checks().packageName()); // a missing folder is one line, before anything else
        }
        GradeReport.header(out, exercise, source);
        Grade grade = grade(exercise, source, root);
        GradeReport.print(out, exercise, source, grade);
        return grade.exitCode();
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
