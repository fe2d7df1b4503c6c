package dev.tva.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tva.engine.SoakResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The soak's lines: each sample's steal time and kernel monitor's share, and how many intervals over the SLO the host took
 * the CPU in.
 */
class SoakLinesTest {
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void intervalsOverTheSloAreCountedWithThoseTheHostTookTheCpuIn() throws Exception {
        ObjectNode run = (ObjectNode) JSON.readTree(Fixtures.resource("/report/results/reliability/soak.json").toFile());
        long slo = run.path("sloMillis").asLong();
        int i = 0;
        for (JsonNode s : run.path("samples")) {
            // The first three intervals over the SLO, two of them with the host at 30%; every other at 1%.
            boolean over = i < 3;
            ((ObjectNode) s).put("stealPercent", i == 0 || i == 2 ? 30.0 : 1.0);
            if (i == 0) {
                ((ObjectNode) s).put("kernelMonitorPercent", 2.46);
            }
            ((ObjectNode) s.path("latencyMicros")).put("p99", over ? (slo + 40) * 1000 : slo * 500);
            i++;
        }
        run.put("sloBreaches", 3).put("held", false);
        SoakResult r = JSON.treeToValue(run, SoakResult.class);

        List<String> lines = SoakLines.trends(r);

        assertThat(SoakLines.head()).endsWith("steal %  kdamond %");
        assertThat(SoakLines.sample(r.samples().get(0))).containsPattern(" 30\\.0 +2\\.5$");
        assertThat(SoakLines.sample(r.samples().get(1))).containsPattern(" 1\\.0 +-$");
        assertThat(lines.get(lines.size() - 1)).startsWith("NOT HELD: ")
                .contains("3 interval(s) over the SLO (the host took 10%+ of the CPU in 2 of them)");
    }

    @Test
    void aSoakWrittenBeforeStealTimeWasRecordedSaysNothingOfIt() throws Exception {
        ObjectNode run = (ObjectNode) JSON.readTree(Fixtures.resource("/report/results/reliability/soak.json").toFile());
        ((ObjectNode) run.path("samples").get(0).path("latencyMicros")).put("p99", (run.path("sloMillis").asLong() + 40) * 1000);
        run.path("samples").forEach(s -> ((ObjectNode) s).remove("stealPercent"));
        run.put("sloBreaches", 1).put("held", false);
        SoakResult r = JSON.treeToValue(run, SoakResult.class);

        List<String> lines = SoakLines.trends(r);

        assertThat(SoakLines.sample(r.samples().get(0))).endsWith("-");
        assertThat(lines.get(lines.size() - 1)).contains("1 interval(s) over the SLO").doesNotContain("host");
    }
}
