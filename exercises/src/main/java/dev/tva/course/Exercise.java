package dev.tva.course;

import java.util.List;

/**
 * One course module: what the student changes, where it comes from in the tutorial, how long it takes, and the checks
 * that grade it.
 *
 * @param id      what {@code lab exercise check ID} takes
 * @param lessons the lessons it practises, ids of {@code lab lessons}, the main one first
 * @param section the tutorial section (docs/lessons/README.md), printed {@code §1}
 * @param change  what to change, starting with the student's class and method
 * @param minutes about how long a student takes
 * @param checks  its checks, or null while the exercise is not yet available
 */
public record Exercise(String id, List<String> lessons, int section, String change, int minutes, CheckSuite<?> checks) {

    /** A registered exercise whose stub, checks and solution do not exist yet. */
    static Exercise planned(String id, String lesson, int section, String change, int minutes) {
        return new Exercise(id, List.of(lesson), section, change, minutes, null);
    }

    public Exercise {
        lessons = List.copyOf(lessons);
    }

    public boolean available() {
        return checks != null;
    }

    /** {@code §1}. */
    public String sectionLabel() {
        return "\u00a7" + section;
    }
}
