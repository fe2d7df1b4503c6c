package dev.tva.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lab load}: bad input and an unreachable server are one line on stderr and exit code 2, before any load. */
class LoadCliTest {
    private static final String URL = "--url http://127.0.0.1:8080/io?ms=50 ";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "load " + URL + "--rate abc                 | --rate | 'abc' is not a rate; use requests per second, e.g. 2000/s or 2000",
            "load " + URL + "--rate 0                   | --rate | expected a rate above 0 and at most 1,000,000/s, got 0",
            "load " + URL + "--rate -5/s                | --rate | expected a rate above 0",
            "load " + URL + "--rate 5/min               | --rate | is not a rate",
            "load " + URL + "--rate 2000/s --duration 0 | --duration | expected more than 0",
            "load " + URL + "--rate 2000/s --duration soon | --duration | 'soon' is not a duration",
            "load " + URL + "--rate 2000/s --timeout 0  | --timeout | expected more than 0",
            "load " + URL + "--rate 2000/s --connections 0 | --connections | expected a whole number >= 1, got 0",
            "load " + URL + "--duration 2s              | --rate | Missing required option",
            "load " + URL + "--closed --rate 100        | --rate | the closed model has no rate",
            "load --url ftp://127.0.0.1:21/ --rate 10   | --url | 'ftp://127.0.0.1:21/' is not an http://HOST:PORT/PATH URL",
            "load --url http://127.0.0.1/io --rate 10   | --url | is not an http://HOST:PORT/PATH URL",
            "load --url localhost:8080 --rate 10        | --url | is not an http://HOST:PORT/PATH URL",
            "load --rate 10                             | --url | Missing required option",
            "load " + URL + "--rate 10 --emit jmeter    | --emit | 'jmeter' is not a format lab load can write; expected one of hyperfoil",
            "load " + URL + "--rate 10 --emit-file x.yaml | --emit-file | add --emit hyperfoil",
            "load " + URL + "--rate 10 --emit hyperfoil --json r.json | --json | --emit writes a benchmark instead of running one",
            "load " + URL + "--emit hyperfoil           | --rate | Missing required option",
            "load " + URL + "--rate 10 --transport kqueue | --transport | 'kqueue' is not a transport; expected epoll (Linux) or nio",
    })
    void badInputGetsOneLineAndExitCodeTwo(String args, String flag, String expected) {
        LabCliTest.Ran ran = LabCliTest.lab(args.trim().split("\\s+"));

        assertThat(ran.exit()).as(ran.err()).isEqualTo(2);
        assertThat(ran.err().lines()).hasSize(1);
        assertThat(ran.err()).startsWith("lab load: ").contains(flag.trim()).contains(expected.trim())
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(ran.out()).isEmpty();
    }

    @Test
    void anUnreachableServerIsOneLineAndExitCodeTwoBeforeAnyLoad() {
        LabCliTest.Ran ran = LabCliTest.lab("load", "--url", "http://127.0.0.1:1/io", "--rate", "2000/s", "--duration", "20s");

        assertThat(ran.exit()).isEqualTo(2);
        assertThat(ran.err().lines()).hasSize(1);
        assertThat(ran.err()).startsWith("load: cannot connect to 127.0.0.1:1 (").contains("Connection refused")
                .contains("is a server listening there?").doesNotContain("\tat ");
        assertThat(ran.out()).isEmpty();
    }

    @Test
    void helpListsEveryFlagWithItsDefault() {
        LabCliTest.Ran ran = LabCliTest.lab("load", "--help");

        assertThat(ran.exit()).isZero();
        assertThat(ran.out()).startsWith("Usage: lab load").contains("--rate=RATE").contains("--closed")
                .contains("(default: 1000)").contains("(default: 5s)").contains("(default: 10ms)")
                .contains("more than 1% of requests sent late is INVALID");
    }

    @Test
    void emitWritesTheHyperfoilBenchmarkToStandardOutputWithoutContactingTheServer() throws Exception {
        // Port 1 answers nobody: --emit sends nothing, so the server need not be reachable from here.
        LabCliTest.Ran ran = LabCliTest.lab("load", "--url", "http://127.0.0.1:1/io?ms=50", "--rate", "300/s",
                "--duration", "20s", "--warmup", "5s", "--connections", "200", "--emit", "hyperfoil");

        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.err()).isEmpty();
        JsonNode yaml = new YAMLMapper().readTree(ran.out());
        assertThat(yaml.at("/http/host").asText()).isEqualTo("http://127.0.0.1:1");
        assertThat(yaml.at("/phases/1/main/constantRate/usersPerSec").asDouble()).isEqualTo(300);
        assertThat(yaml.at("/phases/1/main/constantRate/maxSessions").asInt()).isEqualTo(200);
        assertThat(yaml.at("/phases/1/main/constantRate/scenario/0/request/0/httpRequest/GET").asText()).isEqualTo("/io?ms=50");
    }

    @Test
    void emitFileWritesTheFileAndSaysSoInOneLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lab-load.hf.yaml");
        LabCliTest.Ran ran = LabCliTest.lab("load", "--url", "http://127.0.0.1:1/hello", "--rate", "100", "--duration", "3s",
                "--emit", "hyperfoil", "--emit-file", file.toString());

        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out().lines()).hasSize(1);
        assertThat(ran.out()).startsWith("wrote " + file + ": the hyperfoil benchmark 'lab-load', open model");
        assertThat(new YAMLMapper().readTree(file.toFile()).get("name").asText()).isEqualTo("lab-load");
    }

    @Test
    void anUnwritableEmitFileIsOneLineAndExitCodeTwo(@TempDir Path dir) {
        Path file = dir.resolve("no-such-folder").resolve("x.yaml");
        LabCliTest.Ran ran = LabCliTest.lab("load", "--url", "http://127.0.0.1:1/hello", "--rate", "100",
                "--emit", "hyperfoil", "--emit-file", file.toString());

        assertThat(ran.exit()).isEqualTo(2);
        assertThat(ran.err().lines()).hasSize(1);
        assertThat(ran.err()).startsWith("load: cannot write --emit-file " + file).doesNotContain("\tat ");
        assertThat(Files.exists(file)).isFalse();
    }
}
