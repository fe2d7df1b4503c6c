package dev.tva.cli;

import dev.tva.lessons.CancellationLesson;
import dev.tva.lessons.CooperativeLesson;
import dev.tva.lessons.DbPoolLesson;
import dev.tva.lessons.DebuggingLesson;
import dev.tva.lessons.ForgottenAwaitLesson;
import dev.tva.lessons.FuturesLesson;
import dev.tva.lessons.Lesson;
import dev.tva.lessons.LifecycleLesson;
import dev.tva.lessons.LongLivedLesson;
import dev.tva.lessons.LostExceptionsLesson;
import dev.tva.lessons.OutageLesson;
import dev.tva.lessons.ParallelismLesson;
import dev.tva.lessons.PinningLesson;
import dev.tva.lessons.TourLesson;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Every lesson of {@code lab lessons}, in the tutorial's order; the one place a lesson is registered. The
 * tour's sections and the servers, database and benchmark labs are lessons too, running their own code;
 * the labs run through the command line ({@link Lab#execute}), which the registry hands them.
 */
enum LessonRegistry {
    RESTAURANT(new TourLesson(TourLesson.Part.RESTAURANT)),
    SLEEP(new TourLesson(TourLesson.Part.SLEEP)),
    PARALLELISM(new ParallelismLesson()),
    FUTURES(new FuturesLesson()),
    HTTP(new TourLesson(TourLesson.Part.HTTP)),
    CPU(new TourLesson(TourLesson.Part.CPU)),
    COOPERATIVE(new CooperativeLesson()),
    PINNING(new PinningLesson(Lab::execute)),
    FORGOTTEN_AWAIT(new ForgottenAwaitLesson()),
    LOST_EXCEPTIONS(new LostExceptionsLesson()),
    CANCELLATION(new CancellationLesson()),
    LONG_LIVED(new LongLivedLesson()),
    SERVERS(new TourLesson(TourLesson.Part.SERVERS)),
    LIFECYCLE(new LifecycleLesson()),
    DEBUGGING(new DebuggingLesson()),
    OUTAGE(new OutageLesson(Lab::execute)),
    DB(new TourLesson(TourLesson.Part.DB)),
    DB_POOL(new DbPoolLesson(Lab::execute));

    private final Lesson<?> lesson;

    LessonRegistry(Lesson<?> lesson) {
        this.lesson = lesson;
    }

    Lesson<?> lesson() {
        return lesson;
    }

    /** The lesson a user named. */
    static LessonRegistry fromId(String id) {
        for (LessonRegistry entry : values()) {
            if (entry.lesson.id().equals(id)) {
                return entry;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a lesson; expected one of " + ids());
    }

    static String ids() {
        return Arrays.stream(values()).map(e -> e.lesson.id()).collect(Collectors.joining(", "));
    }
}
