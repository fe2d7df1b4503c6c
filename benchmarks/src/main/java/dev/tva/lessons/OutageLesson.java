package dev.tva.lessons;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tva.engine.ServerBench;
import dev.tva.engine.UserException;
import dev.tva.report.ServerTable;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code lab lesson outage}: the servers lab ({@code lab servers --block-event-loop}) on netty alone, one
 * event loop: the healthy server beside the same server whose {@code /io} blocks its loop, under the same
 * open-model load.
 */
public final class OutageLesson implements Lesson<OutageLesson.Result> {
    private final LabCommandLine lab;

    /** Runs its lab through {@code lab}, the lab's command line. */
    public OutageLesson(LabCommandLine lab) {
        this.lab = lab;
    }

    @Override
    public String id() {
        return "outage";
    }

    @Override
    public Section section() {
        return Section.REAL_WORLD;
    }

    @Override
    public String summary() {
        return "How a blocked loop becomes an outage: netty beside netty whose /io blocks its one loop, under the same open-model load (lab servers --block-event-loop)";
    }

    @Override
    public int expectedSeconds() {
        return 25;
    }

    /** The two rows: netty, and netty blocking its loop, at the same rate. */
    record Result(double ratePerSec, ServerBench.Row healthy, ServerBench.Row blocked) implements LessonResult {
        @Override
        public boolean shown() {
            return healthy.valid() && (!blocked.valid() || blocked.latencyMicros().p99() > 10 * healthy.latencyMicros().p99());
        }

        @Override
        public String notice() {
            String blockedAnswers = blocked.completed() == 0 ? "answered none in time"
                    : String.format(Locale.ROOT, "answered %,.0f/s at p99 %s ms", blocked.achievedPerSec(), ServerTable.millis(blocked.latencyMicros().p99()));
            return String.format(Locale.ROOT, "Asked for %,.0f requests/s, netty answered %,.0f/s at p99 %s ms; the same server with /io blocking its one"
                            + " loop %s, %,d requests unanswered (%s). Every connection on a blocked loop waits behind each blocking call: at most"
                            + " 1 / wait requests a second get through (%s/s here), and a rate just above that builds a queue without end.",
                    ratePerSec, healthy.achievedPerSec(), ServerTable.millis(healthy.latencyMicros().p99()), blockedAnswers,
                    blocked.errors() + blocked.timeouts(), blocked.valid() ? "a valid run" : "INVALID: " + blocked.invalidReason(),
                    blocked.boundPerSec() == null ? "?" : String.format(Locale.ROOT, "%,.0f", blocked.boundPerSec()));
        }
    }

    @Override
    public Result run(PrintWriter out, LessonSettings settings) throws Exception {
        Path json = Files.createTempFile("lesson-outage-", ".json");
        try {
            String rate = "30"; // one and a half times what a loop blocked 50 ms per request can serve (20/s)
            int exit = lab.execute(out, new PrintWriter(System.err, true), "servers", "--servers", "netty", "--endpoint", "io", "--loops", "1",
                    "--block-event-loop", "--rates", rate, "--duration", settings.tiny() ? "3s" : "6s", "--warmup", settings.tiny() ? "1s" : "2s",
                    "--timeout", "5s", "--json", json.toString());
            if (exit != 0) {
                throw new UserException(UserException.FAILED, "the servers lab failed (exit code " + exit + ")");
            }
            List<ServerBench.Row> rows = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(json.toFile(), new TypeReference<List<ServerBench.Row>>() { });
            // The servers lab runs the healthy setup first, then the one blocking its loops (ServersCommand.setups).
            return new Result(Double.parseDouble(rate), rows.get(0), rows.get(1));
        } finally {
            Files.deleteIfExists(json);
        }
    }
}
