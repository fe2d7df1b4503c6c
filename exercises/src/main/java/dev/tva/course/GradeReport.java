package dev.tva.course;

import java.io.PrintWriter;
import java.util.Locale;

/** Prints a grade: one line per check, {@code PASS} or {@code FAIL} with what it saw against the target, and a hint under each failure. */
final class GradeReport {
    private static final String INDENT = "      ";

    private GradeReport() {
    }

    /** What is checked, where its code is, and on which JDK and cores it runs. */
    static void header(PrintWriter out, Exercise exercise, Source source) {
        out.printf(Locale.ROOT, "Exercise %s (lesson %s, tutorial %s): %s.%n", exercise.id(), String.join(" and ", exercise.lessons()),
                exercise.sectionLabel(), exercise.change());
        out.printf(Locale.ROOT, "Checking %s in %s/, compiled now; %s %s, %d cores.%n%n", source.whose(),
                slashes(source.packageFolder(exercise.checks().packageName()).toString()), System.getProperty("java.vendor"),
                System.getProperty("java.runtime.version"), Runtime.getRuntime().availableProcessors());
        out.flush();
    }

    static void print(PrintWriter out, Exercise exercise, Source source, Grade grade) {
        String again = "./lab exercise check " + exercise.id() + (source == Source.SOLUTION ? " --solution" : "");
        switch (grade) {
            case Grade.NotCompiled error -> {
                out.println(error.firstError());
                out.printf(Locale.ROOT, "%n%s: fix %s, then run %s again.%n",
                        error.errors() == 1 ? "1 compile error" : error.errors() + " compile errors, the first above",
                        error.errors() == 1 ? "it" : "the first", again);
            }
            case Grade.Checked checked -> {
                if (!checked.output().isBlank()) {
                    out.println("The check JVM printed (your code's output, the JVM's warnings):");
                    checked.output().lines().forEach(line -> out.println("  | " + line));
                    out.println();
                }
                for (CheckResult result : checked.results()) {
                    out.printf(Locale.ROOT, "%s  %s: %s%n", result.skipped() ? "SKIP" : result.passed() ? "PASS" : "FAIL", result.claim(),
                            result.saw());
                    if (!result.passed()) {
                        out.println(INDENT + "hint: " + result.hint());
                    }
                }
                int all = checked.results().size();
                out.println();
                long measured = checked.passed() - checked.skipped();
                String skipped = checked.skipped() == 0 ? "" : String.format(Locale.ROOT, ", %d skipped (see why above)", checked.skipped());
                out.println(checked.exitCode() == 0
                        ? String.format(Locale.ROOT, "%d of %d checks passed%s: %s", measured, all, skipped,
                        checked.skipped() == 0 ? "solved." : "nothing failed, but what a skipped check grades was not measured.")
                        : String.format(Locale.ROOT, "%d of %d checks passed%s: not solved yet. Change %s/%s.java and run %s again.",
                        measured, all, skipped, slashes(source.packageFolder(exercise.checks().packageName()).toString()),
                        exercise.checks().studentClass(), again));
            }
        }
        out.flush();
    }

    private static String slashes(String path) {
        return path.replace('\\', '/');
    }
}
