package dev.tva.bench;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** JFR's jdk.VirtualThreadPinned event is the evidence: which PinningBenchmark cases pin on the running JDK. */
class PinningBenchmarkTest {

    @TempDir
    Path dir;

    interface Case {
        int run() throws Exception;
    }

    private long pinnedEvents(String name, Case benchmark) throws Exception {
        Path file = dir.resolve(name + ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ofMillis(1)).withStackTrace();
            recording.start();
            assertThat(benchmark.run()).isEqualTo(PinningBenchmark.TASKS);
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        return events.stream().filter(e -> e.getEventType().getName().equals("jdk.VirtualThreadPinned")).count();
    }

    @Test
    void aClassInitializerPinsOnEveryJdkAndReentrantLockNever() throws Exception {
        PinningBenchmark b = new PinningBenchmark();
        b.setUp();

        assertThat(pinnedEvents("unpinned", b::unpinned)).isZero();
        assertThat(pinnedEvents("lock", b::reentrantLockNeverPins)).isZero();
        assertThat(pinnedEvents("clinit", b::classInitializerPins)).isPositive();
    }

    @Test
    void synchronizedPinsExactlyBeforeJdk24() throws Exception {
        PinningBenchmark b = new PinningBenchmark();
        b.setUp();

        long events = pinnedEvents("synchronized", b::synchronizedPinsBeforeJdk24);

        if (Runtime.version().feature() < 24) {
            assertThat(events).as("JDK %d: synchronized pins", Runtime.version().feature()).isPositive();
        } else {
            assertThat(events).as("JDK %d: synchronized does not pin (JEP 491)", Runtime.version().feature()).isZero();
        }
    }
}
