package dev.tva.lessons;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs a lesson with tiny settings and keeps what it printed, for the assertion messages. */
final class Run {
    private Run() {
    }

    record Ran<R extends LessonResult>(R result, String printed) {
    }

    static <R extends LessonResult> Ran<R> tiny(Lesson<R> lesson) throws Exception {
        StringWriter text = new StringWriter();
        R result = lesson.run(new PrintWriter(text, true), LessonSettings.TINY);
        return new Ran<>(result, text + System.lineSeparator() + "What to notice: " + result.notice());
    }
}
