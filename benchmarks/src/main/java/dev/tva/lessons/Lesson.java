package dev.tva.lessons;

import java.io.PrintWriter;

/**
 * One lesson of the tutorial: a short measured demonstration that prints what it does, its numbers, and
 * a "what to notice" computed from them ({@code lab lesson ID}).
 *
 * @param <R> the typed numbers it returns
 */
public interface Lesson<R extends LessonResult> {

    /** The id users type: {@code cooperative}, {@code lost-exceptions}. */
    String id();

    /** The tutorial section it teaches. */
    Section section();

    /** One line: what it shows. */
    String summary();

    /** About how long a standard run takes on 2 cores, in seconds. */
    int expectedSeconds();

    /** Runs it, printing to {@code out}, and returns what it measured. */
    R run(PrintWriter out, LessonSettings settings) throws Exception;
}
