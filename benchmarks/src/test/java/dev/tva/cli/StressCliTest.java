package dev.tva.cli;

import dev.tva.engine.OpenFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** {@code lab overload} and {@code lab idle} refuse bad input in one line, exit code 2, before starting anything. */
class StressCliTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "overload --servers tomcat             | --servers | 'tomcat'",
            "overload --capacity -5                | --capacity | expected a rate above 0",
            "overload --capacity lots              | --capacity | 'lots' is not a rate",
            "overload --over 1500ms                | --over | expected whole seconds, at least 1s, got 1500ms",
            "overload --after 2s                   | --after | expected whole seconds, at least 5s, got 2000ms",
            "overload --timeout 0                  | --timeout | expected whole seconds, at least 1s",
            "overload --slo 0                      | --slo | expected more than 0",
            "overload --endpoint cpu               | --endpoint | expected hello, sleep or io, got cpu",
            "overload --endpoint nap               | --endpoint | 'nap'",
            "overload --ms 999999                  | --ms | expected 0..",
            "idle --idle 0                         | --idle | expected a whole number >= 1, got 0",
            "idle --rate 0                         | --rate | expected a rate above 0",
            "idle --duration 45s                   | --duration | servers close connections idle for 60 s",
            "idle --endpoint stream                | --endpoint | expected hello, sleep or io, got stream",
            "idle --connections 0                  | --connections | expected a whole number >= 1, got 0",
            "idle --slo 0                          | --slo | expected more than 0",
    })
    void badInputGetsOneLineAndExitCodeTwo(String args, String flag, String expected) {
        LabCliTest.Ran ran = LabCliTest.lab(args.trim().split("\\s+"));

        assertThat(ran.exit()).isEqualTo(2);
        assertThat(ran.err().lines()).hasSize(1);
        assertThat(ran.err()).contains(flag.trim()).contains(expected.trim()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(ran.out()).isEmpty();
    }

    @Test
    void moreIdleConnectionsThanTheOpenFileLimitAllowsAreRefusedBeforeAnyServerStarts() {
        OpenFiles self = OpenFiles.self();
        assumeThat(self.limit()).as("an open-file limit this process can read (/proc)").isPositive();
        long tooMany = self.limit() + 1; // with the one load connection, two more than the whole limit
        long start = System.nanoTime();

        LabCliTest.Ran ran = LabCliTest.lab("idle", "--idle", Long.toString(tooMany), "--connections", "1");

        assertThat(ran.exit()).isEqualTo(2);
        assertThat(ran.err().lines()).hasSize(1);
        assertThat(ran.err()).contains("the lab's process cannot hold " + String.format(java.util.Locale.ROOT, "%,d", tooMany + 1) + " connections")
                .contains("open-file limit (ulimit -n) is " + String.format(java.util.Locale.ROOT, "%,d", self.limit()));
        assertThat(System.nanoTime() - start).as("refused before starting a JVM").isLessThan(5_000_000_000L);
    }

    @Test
    void bothCommandsHaveHelp() {
        for (String command : new String[] {"overload", "idle"}) {
            LabCliTest.Ran ran = LabCliTest.lab(command, "--help");
            assertThat(ran.exit()).as(command).isZero();
            assertThat(ran.out()).as(command).startsWith("Usage: lab " + command).contains("--servers").contains("--timeout").contains("--slo");
        }
    }

    @Test
    void sharedFlagsKeepEachCommandsDefault() {
        OverloadCommand overload = parsed(new OverloadCommand());
        IdleCommand idle = parsed(new IdleCommand());
        ServersCommand servers = parsed(new ServersCommand());

        assertThat(overload.load.timeout).as("a user gives up after 2 s").isEqualTo(Duration.ofSeconds(2));
        assertThat(overload.load.slo).isEqualTo(Duration.ofMillis(100));
        assertThat(idle.load.timeout).isEqualTo(Duration.ofSeconds(10));
        assertThat(idle.load.slo).isEqualTo(Duration.ofMillis(50));
        assertThat(servers.load.timeout).isEqualTo(Duration.ofSeconds(10));
        assertThat(servers.load.slo).isEqualTo(Duration.ofMillis(100));
        assertThat(LabCliTest.lab("overload", "--help").out()).as("help shows the command's own default").contains("(default: 2s)");
        assertThat(LabCliTest.lab("idle", "--help").out()).contains("(default: 50ms)");
    }

    @Test
    void overloadAndIdleOfferNoFlagForEndpointsTheyRefuse() {
        for (String command : new String[] {"overload", "idle"}) {
            String help = LabCliTest.lab(command, "--help").out();
            assertThat(help).as(command).contains("--ms=").contains("--threads=").contains("--loops=").contains("--client=")
                    .doesNotContain("--work").doesNotContain("--n=");
        }
    }

    private static <T> T parsed(T command) {
        new CommandLine(command).parseArgs();
        return command;
    }
}
