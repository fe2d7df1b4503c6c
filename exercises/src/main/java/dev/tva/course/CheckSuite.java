package dev.tva.course;

import java.time.Duration;
import java.util.List;

/**
 * An exercise's checks, written once against the interface the student implements, and run on the student's class
 * ({@code dev.tva.exercises.PKG.Student...}) or the reference solution's ({@code dev.tva.solutions.PKG.Student...}).
 *
 * @param <T> the interface; it lives in {@code dev.tva.course.PKG}, and PKG names the exercise's packages
 */
public interface CheckSuite<T> {

    /** The interface the student's class implements. */
    Class<T> contract();

    /** The student's class, a simple name in the exercise's package ({@code StudentWaiter}); it needs a public no-argument constructor. */
    String studentClass();

    /** The checks, in the order they run and print. */
    List<Check<T>> checks();

    /** How long one check may run before it fails as hung. */
    default Duration checkTimeout() {
        return Duration.ofSeconds(5);
    }

    /** JVM flags the check JVM needs, e.g. BlockHound's {@code -XX:+AllowRedefinitionToAddDeleteMethods -XX:+EnableDynamicAgentLoading}. */
    default List<String> jvmFlags() {
        return List.of();
    }

    /** The exercise's package under {@code dev.tva.course}, {@code dev.tva.exercises} and {@code dev.tva.solutions}: {@code restaurant}. */
    default String packageName() {
        String name = contract().getPackageName();
        String prefix = Source.COURSE_PACKAGE + ".";
        if (!name.startsWith(prefix) || name.length() == prefix.length()) {
            throw new IllegalStateException(contract().getName() + " must be in a package under " + prefix);
        }
        return name.substring(prefix.length());
    }
}
