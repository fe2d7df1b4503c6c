package dev.tva.lessons;

import dev.tva.engine.DatabaseSource;
import dev.tva.engine.UserException;
import dev.tva.workloads.Bound;
import dev.tva.workloads.Results;
import dev.tva.workloads.RunResult;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code lab lesson db-pool}: the database lab ({@code lab db-sweep}) on virtual threads, a few pool sizes
 * by a few concurrencies: where the connection pool, not the threads, sets the pace. Needs PostgreSQL.
 */
public final class DbPoolLesson implements Lesson<DbPoolLesson.Result> {
    private final LabCommandLine lab;

    /** Runs its lab through {@code lab}, the lab's command line. */
    public DbPoolLesson(LabCommandLine lab) {
        this.lab = lab;
    }

    @Override
    public String id() {
        return "db-pool";
    }

    @Override
    public Section section() {
        return Section.REAL_WORLD;
    }

    @Override
    public String summary() {
        return "The pool-bound database: pool sizes by tasks in flight on virtual threads, each cell beside its bound (lab db-sweep; needs PostgreSQL)";
    }

    @Override
    public int expectedSeconds() {
        return 40;
    }

    /** Every cell of the sweep; empty when there was no database. */
    record Result(List<RunResult> cells) implements LessonResult {
        long poolBound() {
            return cells.stream().filter(c -> c.boundLimit() == Bound.Limit.POOL).count();
        }

        @Override
        public boolean shown() {
            return !cells.isEmpty() && poolBound() > 0;
        }

        @Override
        public String notice() {
            if (cells.isEmpty()) {
                return "skipped: no database. To include it, " + DatabaseSource.HOW_TO + ".";
            }
            return String.format(Locale.ROOT, "in %d of %d cells the pool set the bound", poolBound(), cells.size());
        }

        @Override
        public boolean noticePrinted() {
            return !cells.isEmpty(); // the lab printed its own, computed from the same cells
        }
    }

    @Override
    public Result run(PrintWriter out, LessonSettings settings) throws Exception {
        if (DatabaseSource.find(System.getenv()).isEmpty()) {
            out.println("No database: this lesson needs PostgreSQL. " + DatabaseSource.HOW_TO + ".");
            return new Result(List.of());
        }
        Path json = Files.createTempFile("lesson-db-pool-", ".json");
        try {
            List<String> args = settings.tiny()
                    ? List.of("db-sweep", "--pools", "2,8", "--concurrency", "8", "--tasks", "200", "--warmup", "500ms", "--json", json.toString())
                    : List.of("db-sweep", "--pools", "5,20", "--concurrency", "10,100", "--warmup", "1s", "--json", json.toString());
            int exit = lab.execute(out, new PrintWriter(System.err, true), args.toArray(String[]::new));
            if (exit == UserException.BAD_INPUT || Files.size(json) == 0) {
                throw new UserException(UserException.FAILED, "the database lab failed (exit code " + exit + ")");
            }
            return new Result(Results.readAll(json));
        } finally {
            Files.deleteIfExists(json);
        }
    }
}
