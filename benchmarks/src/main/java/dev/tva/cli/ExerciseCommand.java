package dev.tva.cli;

import dev.tva.course.Exercise;
import dev.tva.course.ExerciseException;
import dev.tva.course.Exercises;
import dev.tva.course.Grader;
import dev.tva.course.Repository;
import dev.tva.course.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code lab exercise list | check ID [--solution]}: the course modules, which grade the student's code by running it. */
@Command(name = "exercise", mixinStandardHelpOptions = true,
        description = "Course modules that grade themselves: `list` shows them, `check ID` compiles the student's code and runs its checks.",
        subcommands = {ExerciseCommand.ListExercises.class, ExerciseCommand.CheckExercise.class})
final class ExerciseCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code lab exercise list}: id, lessons, tutorial section, time, what to change. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the exercises: id, lesson, tutorial section, about how long each takes, and what to change.")
    static final class ListExercises implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            int idWidth = "id".length();
            int lessonWidth = "lesson".length();
            for (Exercise e : Exercises.ALL) {
                idWidth = Math.max(idWidth, e.id().length());
                lessonWidth = Math.max(lessonWidth, String.join(", ", e.lessons()).length());
            }
            String format = "%-" + idWidth + "s  %-" + lessonWidth + "s  %-3s  %-6s  %s%n";
            out.printf(Locale.ROOT, format, "id", "lesson", "\u00a7", "time", "what to change");
            for (Exercise e : Exercises.ALL) {
                out.printf(Locale.ROOT, format, e.id(), String.join(", ", e.lessons()), e.sectionLabel(), e.minutes() + " min",
                        e.available() ? e.change() : "(not yet available) " + e.change());
            }
            out.println();
            out.println("Check one: ./lab exercise check ID   (the student's files: exercises/src/main/java/dev/tva/exercises/;"
                    + " the teacher's guide: docs/course.md)");
            out.flush();
        }
    }

    /** {@code lab exercise check ID [--solution]}: exit 0 when every check passes, 1 otherwise, 2 for bad input. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Compiles the student's code for exercise ID from source (no rebuild needed) and runs its checks in a JVM of"
                    + " their own: PASS or FAIL per check, with what it saw and a hint. Exit code 0 when all pass, 1 otherwise.")
    static final class CheckExercise implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", converter = IdConverter.class, description = "the exercise; `lab exercise list` lists them")
        Exercise exercise;

        @Option(names = "--solution", description = "check the reference solution instead (exercises/src/solutions/java; teachers' copies only)")
        boolean solution;

        @Override
        public Integer call() throws Exception {
            if (!exercise.available()) {
                throw new ParameterException(spec.commandLine(), "exercise '" + exercise.id() + "' is not yet available; available: "
                        + Exercises.ids(Exercises.available()));
            }
            try {
                return Grader.check(exercise, solution ? Source.SOLUTION : Source.STUDENT, Repository.root(), spec.commandLine().getOut());
            } catch (ExerciseException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
    }

    /** An exercise id; a wrong one gets the list of ids. */
    static final class IdConverter implements ITypeConverter<Exercise> {
        @Override
        public Exercise convert(String value) {
            return Exercises.byId(value).orElseThrow(() -> new TypeConversionException(
                    "'" + value + "' is not an exercise; expected one of " + Exercises.ids(Exercises.ALL)));
        }
    }
}
