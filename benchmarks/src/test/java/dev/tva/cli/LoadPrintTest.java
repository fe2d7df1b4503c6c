package dev.tva.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tva.load.LoadResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lab load}'s printed result, from a result it recorded: a run on a 2-core VM at 25,000/s that fell behind while
 * DAMON's monitor took 2.3% of the CPU ({@code docs/results/servers/generator-0e47da1-damon/on-3.json}).
 */
class LoadPrintTest {
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final String HINT = "'./lab machine quiet' stops it for a measurement";

    private static ObjectNode recorded() throws IOException {
        try (InputStream in = LoadPrintTest.class.getResourceAsStream("/load/generator-behind-with-damon.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    private static String printed(ObjectNode result) throws IOException {
        StringWriter out = new StringWriter();
        LoadCommand.print(new PrintWriter(out, true), JSON.treeToValue(result, LoadResult.class));
        return out.toString();
    }

    @Test
    void aRunThatFellBehindWhileDamonRanPointsToLabMachine() throws IOException {
        String out = printed(recorded());

        assertThat(out).contains("  kernel      its memory monitor (kdamond) took 2.3% of this machine's CPU time")
                .contains(HINT).contains("INVALID: 1.4% of requests were sent late");
    }

    @Test
    void noPointerWithoutDamonOrWhenTheGeneratorKeptUp() throws IOException {
        ObjectNode noDamon = recorded();
        noDamon.putNull("kernelMonitorPercent");
        assertThat(printed(noDamon)).doesNotContain("kdamond").doesNotContain(HINT);

        ObjectNode serverBehind = recorded();
        serverBehind.putArray("faults").add("server");
        assertThat(printed(serverBehind)).contains("kdamond").doesNotContain(HINT);
    }
}
