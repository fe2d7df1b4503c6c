package dev.tva.course;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The running JVM's class path, every entry made absolute, so the compiler and the check JVM see what this JVM sees. */
final class ClassPath {
    private ClassPath() {
    }

    static String current() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** {@code first}, then the running class path: classes in {@code first} win. */
    static String with(Path first) {
        return first.toAbsolutePath() + File.pathSeparator + current();
    }
}
