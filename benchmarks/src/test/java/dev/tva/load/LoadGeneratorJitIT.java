package dev.tva.load;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The measured part begins with the generator's code compiled as the warm-up left it. HotSpot's C2 compiles a branch the
 * warm-up never took as a trap ("unstable_if"): taken later, it throws the compiled method (and every method it was
 * inlined into) back to the interpreter until it is compiled again. When the generator counted only measured requests,
 * the first measured second took those branches for the first time, and at 35,000 requests/s on a 2-core machine sent
 * 11,000 to 16,000 of them late (docs/servers.md). JFR's {@code jdk.Deoptimization} events say whether that happens.
 */
class LoadGeneratorJitIT {
    private static final Duration WARMUP = Duration.ofSeconds(3);
    /** The clock starts this long after the loops are handed to the test ({@code LoadGenerator.START_DELAY_NANOS}). */
    private static final Duration START_DELAY = Duration.ofMillis(20);

    @TempDir
    Path dir;

    @Test
    void theGeneratorsCompiledCodeIsNotDeoptimizedWhenTheMeasuredPartBegins() throws IOException {
        AtomicReference<Instant> clockSet = new AtomicReference<>();
        List<RecordedEvent> events;
        LoadResult r;
        try (Recording recording = new Recording(); TestServer server = TestServer.answering(200)) {
            recording.enable("jdk.Deoptimization");
            recording.enable("jdk.Compilation").withThreshold(Duration.ZERO);
            recording.start();
            r = LoadGenerator.run(LoadSettings.open(server.uri("/hello"), 10_000, Duration.ofSeconds(2)).withWarmup(WARMUP),
                    p -> { }, p -> false, loops -> clockSet.set(Instant.now()));
            recording.stop();
            Path file = dir.resolve("run.jfr");
            recording.dump(file);
            events = RecordingFile.readAllEvents(file);
        }
        Instant measuredFrom = clockSet.get().plus(START_DELAY).plus(WARMUP);
        Instant windowStart = measuredFrom.minusMillis(100);
        Instant windowEnd = measuredFrom.plusSeconds(1);

        boolean compiledBefore = events.stream().anyMatch(e -> e.getEventType().getName().equals("jdk.Compilation")
                && e.getShort("compileLevel") == 4 && e.getBoolean("succeded") && e.getEndTime().isBefore(windowStart)
                && isGenerators(e.getValue("method")) && ((RecordedMethod) e.getValue("method")).getName().equals("dispatch"));
        assumeTrue(compiledBefore, "C2 had not compiled OpenDriver.dispatch by the end of the warm-up: nothing to deoptimize");

        List<String> trapped = events.stream()
                .filter(e -> e.getEventType().getName().equals("jdk.Deoptimization"))
                .filter(e -> "unstable_if".equals(e.getString("reason")) && isGenerators(e.getValue("method")))
                .filter(e -> !e.getStartTime().isBefore(windowStart) && e.getStartTime().isBefore(windowEnd))
                .map(e -> {
                    RecordedMethod m = e.getValue("method");
                    return m.getType().getName() + "." + m.getName() + " bci " + e.getInt("bci");
                })
                .toList();
        assertThat(trapped).as("deoptimized around the start of the measured part").isEmpty();
        assertThat(r.completed()).isPositive();
    }

    private static boolean isGenerators(Object method) {
        return method instanceof RecordedMethod m && m.getType().getName().startsWith("dev.tva.load.");
    }
}
