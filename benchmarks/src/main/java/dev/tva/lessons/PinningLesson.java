package dev.tva.lessons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tva.engine.UserException;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code lab lesson pinning}: the benchmark lab's Pinning suite ({@code lab bench --quick --suite Pinning}):
 * 16 virtual threads that block 5 ms each on one carrier, unpinned and pinned, timed by JMH.
 */
public final class PinningLesson implements Lesson<PinningLesson.Result> {
    private final LabCommandLine lab;

    /** Runs its lab through {@code lab}, the lab's command line. */
    public PinningLesson(LabCommandLine lab) {
        this.lab = lab;
    }

    @Override
    public String id() {
        return "pinning";
    }

    @Override
    public Section section() {
        return Section.EVENT_LOOP;
    }

    @Override
    public String summary() {
        return "A blocked virtual thread gives its carrier back, unless pinned: 16 x 5 ms sleeps on one carrier, timed by JMH (lab bench --quick --suite Pinning)";
    }

    @Override
    public int expectedSeconds() {
        return 25;
    }

    /** JMH's score (ms per operation) of each case, by benchmark method name. */
    record Result(Map<String, Double> millisPerOp, int jdk) implements LessonResult {
        double of(String method) {
            return millisPerOp.getOrDefault(method, Double.NaN);
        }

        @Override
        public boolean shown() {
            return of("classInitializerPins") > 4 * of("unpinned") && of("reentrantLockNeverPins") < 2 * of("unpinned");
        }

        @Override
        public String notice() {
            return String.format(Locale.ROOT, "16 virtual threads sleeping 5 ms on one carrier took %.1f ms unpinned and %.1f ms holding a ReentrantLock: they"
                            + " unmounted and slept together. Blocking in a class initializer took %.1f ms (%.0fx): pinned, they slept one at a time."
                            + " In synchronized it took %.1f ms on JDK %d (%s).",
                    of("unpinned"), of("reentrantLockNeverPins"), of("classInitializerPins"), of("classInitializerPins") / of("unpinned"),
                    of("synchronizedPinsBeforeJdk24"), jdk, jdk >= 24 ? "JEP 491: synchronized no longer pins" : "before JDK 24 synchronized pins");
        }
    }

    @Override
    public Result run(PrintWriter out, LessonSettings settings) throws Exception {
        Path json = Files.createTempFile("lesson-pinning-", ".json");
        try {
            int exit = lab.execute(out, new PrintWriter(System.err, true), "bench", "--quick", "--suite", "Pinning", "--json", json.toString());
            if (exit != 0) {
                throw new UserException(UserException.FAILED, "the benchmark lab failed (exit code " + exit + ")");
            }
            Map<String, Double> scores = new LinkedHashMap<>();
            for (JsonNode run : new ObjectMapper().readTree(json.toFile())) {
                String benchmark = run.path("benchmark").asText();
                scores.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), run.path("primaryMetric").path("score").asDouble());
            }
            return new Result(scores, Runtime.version().feature());
        } finally {
            Files.deleteIfExists(json);
        }
    }
}
