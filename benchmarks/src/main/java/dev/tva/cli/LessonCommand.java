package dev.tva.cli;

import dev.tva.engine.UserException;
import dev.tva.lessons.Lesson;
import dev.tva.lessons.LessonResult;
import dev.tva.lessons.LessonSettings;
import dev.tva.workloads.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code lab lesson ID}: runs one lesson and prints what to notice, computed from its own numbers. */
@Command(name = "lesson", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs one lesson of the tutorial: a short measured demonstration, then what to notice, computed from its numbers. `lab lessons` lists them.")
final class LessonCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", converter = IdConverter.class, description = "the lesson; `lab lessons` lists them")
    LessonRegistry id;

    @Option(names = "--streams", paramLabel = "N", converter = Converters.PositiveInt.class,
            description = "long-lived: /stream clients held open on each server at once (default: " + LessonSettings.DEFAULT_STREAMS
                    + "; with --tiny, 50)")
    Integer streams;

    @Option(names = "--tiny", description = "the test-sized run: the same code and claim, smaller numbers (seconds, not tens of seconds)")
    boolean tiny;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (streams != null && streams > 20_000) {
            throw new UserException(UserException.BAD_INPUT, "Invalid value for option '--streams': expected 1..20000, got " + streams);
        }
        Lesson<?> lesson = id.lesson();
        LessonSettings settings = tiny ? LessonSettings.TINY : LessonSettings.STANDARD;
        if (streams != null) {
            settings = settings.withStreams(streams);
        }
        out.printf(Locale.ROOT, "Lesson %s (%s %s): %s.%n", lesson.id(), lesson.section().label(), lesson.section().title(), lesson.summary());
        out.println(Environment.current().oneLine() + (tiny ? "; --tiny" : ""));
        out.println();
        out.flush();
        long started = System.nanoTime();
        LessonResult result = lesson.run(out, settings);
        long seconds = Math.round((System.nanoTime() - started) / 1e9);
        if (!result.noticePrinted()) {
            out.println();
            out.println("What to notice: " + result.notice());
        }
        out.printf(Locale.ROOT, "Lesson done in %d s.%n", seconds);
        out.flush();
        return 0;
    }

    /** A lesson id; a wrong one gets the list of ids. */
    static final class IdConverter implements ITypeConverter<LessonRegistry> {
        @Override
        public LessonRegistry convert(String value) {
            try {
                return LessonRegistry.fromId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
