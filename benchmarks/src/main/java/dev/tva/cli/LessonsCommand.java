package dev.tva.cli;

import dev.tva.lessons.Lesson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;

/** {@code lab lessons}: every lesson with its tutorial section, what it shows and how long it runs. */
@Command(name = "lessons", mixinStandardHelpOptions = true,
        description = "Lists the tutorial's lessons: id, tutorial section, what each shows, and about how long it runs. Run one with `lab lesson ID`.")
final class LessonsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        int idWidth = 2;
        for (LessonRegistry entry : LessonRegistry.values()) {
            idWidth = Math.max(idWidth, entry.lesson().id().length());
        }
        String format = "%-" + idWidth + "s  %-3s  %6s  %s%n";
        out.printf(Locale.ROOT, format, "id", "\u00a7", "runs", "what it shows");
        for (LessonRegistry entry : LessonRegistry.values()) {
            Lesson<?> lesson = entry.lesson();
            out.printf(Locale.ROOT, format, lesson.id(), lesson.section().label(), "~" + lesson.expectedSeconds() + " s", lesson.summary());
        }
        out.println();
        out.println("Run one: ./lab lesson ID   (each has a page: docs/lessons/ID.md; the sections: docs/lessons/README.md)");
        out.flush();
    }
}
