package dev.tva.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lab soak}: bad input is one line on stderr and exit code 2, before any server starts. */
class SoakCliTest {
    private static final String SOAK = "soak --server netty --rate 100 ";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "soak --rate 100                        | --server | Missing required option",
            "soak --server tomcat --rate 100        | --server | 'tomcat' is not",
            "soak --server netty                    | --rate | Missing required option",
            SOAK + "--rate 0                        | --rate | expected a rate above 0",
            SOAK + "--endpoint ping                 | --endpoint | 'ping' is not an endpoint",
            SOAK + "--endpoint stream               | --endpoint | stream is not a request-rate endpoint",
            SOAK + "--duration 0                    | --duration | expected more than 0 and at most 1 h",
            SOAK + "--duration 2h                   | --duration | is not a duration",
            SOAK + "--duration 61m                  | --duration | expected more than 0 and at most 1 h",
            SOAK + "--sample 1500ms                 | --sample | expected whole seconds",
            SOAK + "--sample 0                      | --sample | expected whole seconds",
            SOAK + "--duration 30s --sample 20s     | --sample | a trend needs at least 2 samples, so at most half of --duration (30 s), got 20 s",
            SOAK + "--warmup soon                   | --warmup | 'soon' is not a duration",
            SOAK + "--timeout 0                     | --timeout | expected more than 0",
            SOAK + "--connections 0                 | --connections | expected a whole number >= 1, got 0",
            SOAK + "--ms 999999                     | --ms | expected 0..",
            SOAK + "--cpus 0-99                     | --cpus | no CPU",
    })
    void badInputGetsOneLineAndExitCodeTwo(String args, String flag, String expected) {
        LabCliTest.Ran ran = LabCliTest.lab(args.trim().split("\\s+"));

        assertThat(ran.exit()).as(ran.err()).isEqualTo(2);
        assertThat(ran.err().lines()).hasSize(1);
        assertThat(ran.err()).startsWith("lab soak: ").contains(flag.trim()).contains(expected.trim())
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(ran.out()).isEmpty();
    }

    @Test
    void helpStatesTheDefaultsAndTheExitCode() {
        LabCliTest.Ran ran = LabCliTest.lab("soak", "--help");

        assertThat(ran.exit()).isZero();
        assertThat(ran.out()).startsWith("Usage: lab soak").contains("--sample").contains("(default: 10m)").contains("(default: 60s)")
                .contains("(default: 10s)").contains("(default: io)").contains("FLAT, GROWING or SHRINKING").contains("Exit code 1");
    }
}
