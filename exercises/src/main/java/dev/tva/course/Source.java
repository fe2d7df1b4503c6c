package dev.tva.course;

import java.nio.file.Path;

/** Whose code a check grades: the student's stub as edited, or the reference solution. Each is a source folder and a package root. */
public enum Source {
    /** {@code exercises/src/main/java/dev/tva/exercises/PKG/}: compiled by the normal build too. */
    STUDENT("exercises/src/main/java", "dev.tva.exercises", "your code"),
    /** {@code exercises/src/solutions/java/dev/tva/solutions/PKG/}: only ever compiled by the grader; students' copies lack it. */
    SOLUTION("exercises/src/solutions/java", "dev.tva.solutions", "the reference solution");

    /** The package of the framework, and of each exercise's interface and checks ({@code dev.tva.course.PKG}). */
    public static final String COURSE_PACKAGE = "dev.tva.course";

    private final String folder;
    private final String packageRoot;
    private final String whose;

    Source(String folder, String packageRoot, String whose) {
        this.folder = folder;
        this.packageRoot = packageRoot;
        this.whose = whose;
    }

    /** The source folder, relative to the repository's root. */
    public Path folder() {
        return Path.of(folder);
    }

    /** The folder holding an exercise's package, relative to the repository's root. */
    public Path packageFolder(String packageName) {
        return folder().resolve((packageRoot + "." + packageName).replace('.', '/'));
    }

    /** {@code dev.tva.exercises} or {@code dev.tva.solutions}. */
    public String packageRoot() {
        return packageRoot;
    }

    /** The class that implements an exercise's interface. */
    public String className(CheckSuite<?> suite) {
        return packageRoot + "." + suite.packageName() + "." + suite.studentClass();
    }

    /** {@code your code} or {@code the reference solution}. */
    public String whose() {
        return whose;
    }
}
