package dev.tva.course;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's root, the folder holding {@code exercises/src/main/java}, from where the grader runs. */
public final class Repository {
    private Repository() {
    }

    /**
     * Searches {@code from} and its parents: the {@code lab} script runs in the root, Maven's tests in the module's folder.
     *
     * @throws ExerciseException when no parent holds the exercises' sources
     */
    public static Path root(Path from) {
        Path start = from.toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(Source.STUDENT.folder()))) {
                return dir;
            }
        }
        throw new ExerciseException("found no " + Source.STUDENT.folder() + " in " + start
                + " or its parents: run the check from inside the lab's repository");
    }

    /** The root above the working directory. */
    public static Path root() {
        return root(Path.of(""));
    }
}
