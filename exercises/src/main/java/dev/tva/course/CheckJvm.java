package dev.tva.course;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/*
 * Why a JVM of its own: the student's code may hang, leave threads running, exhaust memory or call System.exit. None
 * of that reaches the lab's own JVM. The check JVM's output (whatever the student's code printed, and the JVM's
 * warnings) goes to a file, so a chatty child never blocks on a full pipe; its results go to another, one line per
 * check as each finishes, so a run stopped at the deadline still reports the checks that were done.
 */

/** Runs an exercise's checks in a JVM of their own with a hard deadline, and reads back each check's result. */
final class CheckJvm {
    /** Time for the JVM to start and the student's class to load, beyond the checks' own deadlines. */
    private static final Duration START_ALLOWANCE = Duration.ofSeconds(10);

    private CheckJvm() {
    }

    /** Every check's result (a check the JVM never finished fails, saying why) and what the JVM printed. */
    record Ran(List<CheckResult> results, String output) {
    }

    static Ran run(Exercise exercise, Source source, Path classes, Path work) throws IOException, InterruptedException {
        CheckSuite<?> suite = exercise.checks();
        Path results = work.resolve("results.jsonl");
        Path output = work.resolve("output.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(suite.jvmFlags());
        command.addAll(List.of("-cp", ClassPath.with(classes), CheckMain.class.getName(), exercise.id(), source.name(), results.toString()));
        Process jvm = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        jvm.getOutputStream().close();
        Duration deadline = deadline(suite);
        boolean finished = jvm.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            jvm.descendants().forEach(ProcessHandle::destroyForcibly);
            jvm.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        String printed = Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
        List<CheckResult> all = new ArrayList<>(read(results));
        String why = finished ? "not run: the check JVM exited first (exit code " + jvm.exitValue() + (printed.isBlank() ? ")" : "; its output is above)")
                : "not run: the check JVM was stopped after " + deadline.toSeconds() + " s";
        for (int i = all.size(); i < suite.checks().size(); i++) {
            all.add(CheckResult.failed(suite.checks().get(i), why));
        }
        return new Ran(List.copyOf(all), printed);
    }

    /** Every check's own deadline, one after another, and time to start. */
    static Duration deadline(CheckSuite<?> suite) {
        return suite.checkTimeout().multipliedBy(suite.checks().size()).plus(START_ALLOWANCE);
    }

    /** The results written so far; a line cut off by a kill is skipped. */
    private static List<CheckResult> read(Path results) throws IOException {
        if (!Files.exists(results)) {
            return List.of();
        }
        ObjectMapper json = new ObjectMapper();
        List<CheckResult> read = new ArrayList<>();
        for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
            try {
                read.add(json.readValue(line, CheckResult.class));
            } catch (JsonProcessingException e) {
                break;
            }
        }
        return read;
    }
}
