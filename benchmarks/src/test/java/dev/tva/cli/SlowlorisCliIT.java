package dev.tva.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tva.workloads.web.ServerLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lab slowloris} against netty with a few connections: cut off at the head timeout with a 408, holding
 * no thread; and bad flags are one line and exit code 2.
 */
class SlowlorisCliIT {

    @Test
    void nettyCutsEveryConnectionOffAtTheHeadTimeoutAndHoldsNoThread(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        Path json = dir.resolve("slowloris.json");
        int exit = Lab.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "slowloris", "--servers", "netty", "--connections", "5", "--byte-every", "500ms", "--json", json.toString());
        assertThat(exit).as(out.toString()).isZero();
        JsonNode run = new ObjectMapper().readTree(json.toFile()).get(0);
        assertThat(run.get("server").asText()).isEqualTo("netty");
        assertThat(run.get("cutOff").asInt()).isEqualTo(5);
        assertThat(run.get("answered408").asInt()).isEqualTo(5);
        long limit = ServerLimits.HEAD_TIMEOUT.toMillis();
        assertThat(run.get("cutOffMinMillis").asLong()).isBetween(limit - 500, limit + 3_000);
        assertThat(run.get("cutOffMaxMillis").asLong()).isBetween(limit - 500, limit + 3_000);
        assertThat(run.get("holds").asText()).isEqualTo("BUFFER");
        assertThat(run.get("helloFailed").asInt()).isZero();
        assertThat(out.toString()).contains("what it holds                BUFFER");
    }

    @Test
    void badFlagsAreOneLineAndExitCode2() {
        for (String[] flags : new String[][] {{"--connections", "0"}, {"--byte-every", "10s"}, {"--byte-every", "soon"},
                {"--servers", "tomcat"}, {"--connections", "20000"}}) {
            StringWriter err = new StringWriter();
            String[] args = new String[flags.length + 1];
            args[0] = "slowloris";
            System.arraycopy(flags, 0, args, 1, flags.length);
            int exit = Lab.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
            assertThat(exit).as(String.join(" ", flags)).isEqualTo(2);
            assertThat(err.toString().strip()).as(String.join(" ", flags)).matches("(lab )?slowloris: .*").doesNotContain("\n")
                    .doesNotContain("Exception");
        }
    }
}
