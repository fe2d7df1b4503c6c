package dev.tva.course;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/*
 * The check JVM: the grader starts it with the freshly compiled classes first on its class path. It makes the
 * student's class, runs each check on a thread of its own with a deadline (a check that hangs fails, and the next one
 * runs), and writes each result as one JSON line the moment it is known. Then it halts: threads the student's code
 * left running, or shutdown hooks it added, cannot keep it alive.
 */

/** The check JVM's main: {@code CheckMain EXERCISE-ID STUDENT|SOLUTION RESULTS-FILE}. */
public final class CheckMain {
    private CheckMain() {
    }

    public static void main(String[] args) throws Exception {
        Exercise exercise = Exercises.byId(args[0]).orElseThrow();
        Source source = Source.valueOf(args[1]);
        Path results = Path.of(args[2]);
        ObjectMapper json = new ObjectMapper();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(results, StandardCharsets.UTF_8))) {
            run(exercise.checks(), source, result -> {
                try {
                    out.println(json.writeValueAsString(result));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("cannot write a check's result", e);
                }
                out.flush();
            });
        }
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(0);
    }

    /** Runs every check in order, handing each result to {@code report} as soon as it is known. */
    private static <T> void run(CheckSuite<T> suite, Source source, Consumer<CheckResult> report) {
        T student;
        try {
            Object made = Class.forName(source.className(suite)).getDeclaredConstructor().newInstance();
            if (!suite.contract().isInstance(made)) {
                failAll(suite, suite.studentClass() + " does not implement " + suite.contract().getSimpleName(), report);
                return;
            }
            student = suite.contract().cast(made);
        } catch (ReflectiveOperationException | LinkageError e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            failAll(suite, "could not make a " + suite.studentClass() + " (it needs a public constructor without arguments): "
                    + Thrown.describe(cause, source), report);
            return;
        }
        for (Check<T> check : suite.checks()) {
            report.accept(runOne(check, student, suite, source));
        }
    }

    private static <T> CheckResult runOne(Check<T> check, T student, CheckSuite<T> suite, Source source) {
        CompletableFuture<Check.Seen> seen = new CompletableFuture<>();
        Thread runner = Thread.ofPlatform().daemon().name("check-caller").start(() -> {
            try {
                seen.complete(check.trial().run(student));
            } catch (Throwable e) {
                seen.completeExceptionally(e);
            }
        });
        try {
            return CheckResult.of(check, seen.get(suite.checkTimeout().toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            runner.interrupt();
            return CheckResult.failed(check, "did not return within " + suite.checkTimeout().toSeconds() + " s: something waits forever");
        } catch (ExecutionException e) {
            return CheckResult.failed(check, "threw " + Thrown.describe(e.getCause(), source));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.failed(check, "interrupted");
        }
    }

    private static <T> void failAll(CheckSuite<T> suite, String why, Consumer<CheckResult> report) {
        suite.checks().forEach(check -> report.accept(CheckResult.failed(check, why)));
    }
}
