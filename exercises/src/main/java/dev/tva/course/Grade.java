package dev.tva.course;

import java.util.List;

/** What grading found: the code did not compile, or each check's result. */
public sealed interface Grade {

    /** 0 when every check passed, 1 otherwise (a compile error included). */
    int exitCode();

    /** javac's first error as javac prints it ({@code path:line: error: ...}, path relative to the repository), and the error count. */
    record NotCompiled(String firstError, int errors) implements Grade {
        @Override
        public int exitCode() {
            return 1;
        }
    }

    /** Each check's result, in order, and what the check JVM printed (the code's own prints, JVM warnings). */
    record Checked(List<CheckResult> results, String output) implements Grade {
        public Checked {
            results = List.copyOf(results);
        }

        /** Checks that passed, the skipped ones included. */
        public long passed() {
            return results.stream().filter(CheckResult::passed).count();
        }

        /** Checks that could not be measured here (they count as passed). */
        public long skipped() {
            return results.stream().filter(CheckResult::skipped).count();
        }

        @Override
        public int exitCode() {
            return passed() == results.size() ? 0 : 1;
        }
    }
}
