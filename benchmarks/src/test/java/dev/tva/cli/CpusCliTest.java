package dev.tva.cli;

import dev.tva.workloads.CpuList;
import dev.tva.workloads.CpuPlacement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code --cpus} of {@code lab servers}, {@code lab load} and {@code lab overload}: a wrong value is one line naming the
 * flag and what it accepts, exit code 2, before anything is pinned or started (these run in the test's own JVM, which
 * must stay unpinned).
 */
class CpusCliTest {
    private static final String LOAD = "load --url http://127.0.0.1:1/io --rate 10 ";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "servers --cpus abc     | lab servers: Invalid value for option '--cpus': 'abc' is not a CPU list; use Linux's syntax, e.g. 0-3 or 0,2,4-7 (see 'lab servers --help')",
            "servers --cpus 0-      | lab servers: Invalid value for option '--cpus': '0-' is not a CPU list; use Linux's syntax, e.g. 0-3 or 0,2,4-7 (see 'lab servers --help')",
            "servers --cpus generator=0,server=1 | lab servers: Invalid value for option '--cpus': 'generator=0,server=1': separate the roles with /, e.g. generator=0/server=1-3/backend=4 (see 'lab servers --help')",
            "overload --servers netty --cpus 3-x | lab overload: Invalid value for option '--cpus': '3-x' is not a CPU list; use Linux's syntax, e.g. 0-3 or 0,2,4-7 (see 'lab overload --help')",
            LOAD + "--cpus 1-0  | lab load: Invalid value for option '--cpus': '1-0' is not a CPU list; use Linux's syntax, e.g. 0-3 or 0,2,4-7 (see 'lab load --help')",
    })
    void aMalformedValueIsOneLineAndExitCodeTwo(String args, String line) {
        assertOneLine(LabCliTest.lab(args.trim().split("\\s+")), line);
    }

    @Test
    void aCpuTheMachineLacksIsRefusedNamingTheCpusItHas() {
        assumeTrue(CpuPlacement.availableCpus().isPresent(), "no taskset here: --cpus is refused for that instead");
        CpuList has = CpuPlacement.availableCpus().orElseThrow();
        CpuList lacks = CpuList.parse("0-99").notIn(has).orElseThrow();

        assertOneLine(LabCliTest.lab("servers", "--cpus", "0-99"), "lab servers: Invalid value for option '--cpus': no CPU " + lacks
                + " on this machine: it has CPUs " + has + " (see 'lab servers --help')");
        assertOneLine(LabCliTest.lab((LOAD + "--cpus 0-99").split(" ")), "lab load: Invalid value for option '--cpus': no CPU " + lacks
                + " on this machine: it has CPUs " + has + " (see 'lab load --help')");
    }

    @Test
    void serversRefuseOneCpuBecauseTheGeneratorAndTheServerMustNotShare() {
        assumeTrue(CpuPlacement.availableCpus().isPresent(), "no taskset here: --cpus is refused for that instead");

        assertOneLine(LabCliTest.lab("servers", "--cpus", "0"), "lab servers: Invalid value for option '--cpus': 1 CPU (0) cannot keep"
                + " the generator and the server apart; give at least 2, e.g. 0-1 (see 'lab servers --help')");
    }

    @Test
    void helpOfServersLoadAndOverloadShowsTheFlag() {
        assertThat(LabCliTest.lab("servers", "--help").out()).contains("--cpus=SPEC").contains("generator=0/server=1-3/backend=4");
        assertThat(LabCliTest.lab("overload", "--help").out()).contains("--cpus=SPEC");
        assertThat(LabCliTest.lab("load", "--help").out()).contains("--cpus=SPEC");
    }

    private static void assertOneLine(LabCliTest.Ran ran, String line) {
        assertThat(ran.exit()).as(ran.err()).isEqualTo(2);
        assertThat(ran.err().lines()).containsExactly(line);
        assertThat(ran.out()).isEmpty();
    }
}
