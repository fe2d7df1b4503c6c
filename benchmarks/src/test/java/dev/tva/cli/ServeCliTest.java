package dev.tva.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetSocketAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lab serve} and {@code lab servers}: bad input is one line on stderr and exit code 2, before anything starts. */
class ServeCliTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "serve --server tomcat                           | 'tomcat' is not a server; expected one of helidon, jdk-platform, jdk-virtual, netty",
            "serve                                           | Missing required option: '--server",
            "serve --server netty --port 70000               | expected 0..65535, got 70000",
            "serve --server netty --port -1                  | expected a whole number >= 0, got -1",
            "serve --server helidon --threads 10             | --threads applies to --server jdk-platform only",
            "serve --server jdk-platform --block-event-loop  | --block-event-loop applies to --server netty only",
            "serve --server jdk-virtual --loops 2            | --loops applies to --server netty only",
            "serve --server netty --backend ftp://x:1        | is not an http://HOST:PORT URL",
            "servers --endpoint stream                       | stream is not a request-rate endpoint",
            "servers --endpoint nosuch                       | 'nosuch' is not an endpoint; expected one of hello, sleep, io",
            "servers --rates 500,x                           | 'x' is not a whole number",
            "servers --servers netty,iis                     | 'iis' is not a server",
            "servers --slo fast                              | 'fast' is not a duration",
            "servers --servers helidon --block-event-loop    | include netty in --servers",
            "servers --duration 0                            | expected more than 0",
            "serve --server netty --client fast              | Invalid value for option '--client': 'fast' is not a client; expected one of lean, library",
            "servers --client fast                           | Invalid value for option '--client': 'fast' is not a client; expected one of lean, library",
    })
    void badInputGetsOneLineAndExitCodeTwo(String args, String expected) {
        LabCliTest.Ran ran = LabCliTest.lab(args.trim().split("\\s+"));

        assertThat(ran.exit()).as(ran.err()).isEqualTo(2);
        assertThat(ran.err().lines()).hasSize(1);
        assertThat(ran.err()).contains(expected.trim()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(ran.out()).isEmpty();
    }

    @Test
    void aPortInUseIsOneLineAndExitCodeTwo() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            LabCliTest.Ran ran = LabCliTest.lab("serve", "--server", "netty", "--port", Integer.toString(taken.getLocalPort()),
                    "--backend", "http://127.0.0.1:9");

            assertThat(ran.exit()).isEqualTo(2);
            assertThat(ran.err().lines()).hasSize(1);
            assertThat(ran.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .contains("choose another --port").doesNotContain("\tat ");
        }
    }

    @Test
    void aBackendThatDoesNotAnswerIsOneLineAndExitCodeOneBeforeTheServerIsUsed() {
        LabCliTest.Ran ran = LabCliTest.lab("serve", "--server", "netty", "--port", "0", "--backend", "http://127.0.0.1:1");

        assertThat(ran.exit()).isEqualTo(1);
        assertThat(ran.err().lines()).hasSize(1);
        assertThat(ran.err()).startsWith("serve: backend http://127.0.0.1:1 is not reachable (")
                .contains("start one with `lab backend --port 1`").doesNotContain("\tat ");
        assertThat(ran.out()).isEmpty();
    }

    @Test
    void aBackendNameThatDoesNotResolveSaysSoInOneLine() {
        LabCliTest.Ran ran = LabCliTest.lab("serve", "--server", "netty", "--port", "0", "--backend", "http://no-such-host.invalid:9000");

        assertThat(ran.exit()).isEqualTo(1);
        assertThat(ran.err().lines()).hasSize(1);
        assertThat(ran.err()).startsWith("serve: backend http://no-such-host.invalid:9000 is not reachable: no address found for the name")
                .doesNotContain("\tat ");
    }
}
