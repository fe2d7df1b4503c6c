package dev.tva.cli;

import dev.tva.bench.Suite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openjdk.jmh.runner.options.Options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lab bench} and {@code lab footprint}: bad input is one line and exit code 2; --forks reaches JMH; --doc renders JMH JSON. */
class BenchCliTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bench --suite nosuch           | --suite | 'nosuch' is not a suite; expected one of Spawn, Handoff, IoBound, CpuBound, Mixed, FanOut, Pinning, LockContention",
            "bench --suite IoBound,nosuch   | --suite | 'nosuch' is not a suite",
            "bench --out x.md               | --out   | --footprint and --out go with --doc RESULTS.json",
            "bench --doc no/such/file.json  | --doc   | no file no/such/file.json",
            "bench --forks 0                | --forks | expected a whole number >= 1, got 0",
            "bench --quick --forks -1       | --forks | expected a whole number >= 1, got -1",
            "bench --forks x                | --forks | 'x' is not a whole number; expected a whole number >= 1",
            "bench --doc r.json --forks 3   | --forks | --forks goes with a run; --doc RESULTS.json runs nothing",
            "footprint --tasks 0            | --tasks | expected a whole number >= 1, got 0",
            "footprint --tasks 1000,-5      | --tasks | expected a whole number >= 1, got -5",
            "footprint --model warp         | --model | 'warp' is not a model; expected one of platform, virtual, event-loop",
            "footprint --tasks lots         | --tasks | 'lots' is not a whole number",
    })
    void badInputGetsOneLineAndExitCodeTwo(String args, String flag, String expected) {
        LabCliTest.Ran ran = LabCliTest.lab(args.trim().split("\\s+"));

        assertThat(ran.exit()).isEqualTo(2);
        assertThat(ran.err().lines()).hasSize(1);
        assertThat(ran.err()).contains(flag.trim()).contains(expected.trim()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(ran.out()).isEmpty();
    }

    @Test
    void forksOverrideEverySuitesOwnAndTheQuickSettings() {
        Path results = Path.of("results", "x-bench.json");
        List<Suite> all = List.of(Suite.values());

        Options own = BenchCommand.jmhOptions(all, false, null, results);
        Options three = BenchCommand.jmhOptions(all, false, 3, results);
        Options quick = BenchCommand.jmhOptions(all, true, null, results);
        Options quickThree = BenchCommand.jmhOptions(all, true, 3, results);

        assertThat(own.getForkCount().hasValue()).as("the suites' @Fork(2) decides").isFalse();
        assertThat(three.getForkCount().get()).isEqualTo(3);
        assertThat(three.getMeasurementIterations().hasValue()).as("the rest stays as annotated").isFalse();
        assertThat(quick.getForkCount().get()).isEqualTo(1);
        assertThat(quickThree.getForkCount().get()).isEqualTo(3);
        assertThat(quickThree.getMeasurementIterations().get()).as("the rest stays quick").isEqualTo(3);
        assertThat(three.getIncludes()).hasSize(Suite.values().length);
    }

    @Test
    void theSettingsKeptInTheRecordNameTheForks() {
        assertThat(BenchCommand.settings(false, null)).isEqualTo("as annotated on each suite: 2 forks, warm-up 3 x 2 s, measurement 5 x 2 s");
        assertThat(BenchCommand.settings(false, 3))
                .isEqualTo("as annotated on each suite, with --forks 3: 3 forks, warm-up 3 x 2 s, measurement 5 x 2 s");
        assertThat(BenchCommand.settings(true, null)).isEqualTo("--quick: 1 fork, warm-up 2 x 1 s, measurement 3 x 1 s");
        assertThat(BenchCommand.settings(true, 3)).isEqualTo("--quick --forks 3: 3 forks, warm-up 2 x 1 s, measurement 3 x 1 s");
        assertThat(BenchCommand.forksOf(true, 3)).isEqualTo(3);
        assertThat(BenchCommand.forksOf(false, null)).isEqualTo(2);
    }

    @Test
    void benchAndFootprintHaveHelp() {
        for (String command : new String[] {"bench", "footprint"}) {
            LabCliTest.Ran ran = LabCliTest.lab(command, "--help");
            assertThat(ran.exit()).as(command).isZero();
            assertThat(ran.out()).as(command).startsWith("Usage: lab " + command);
        }
        assertThat(LabCliTest.lab("bench", "--help").out()).contains("Spawn, Handoff, IoBound").contains("--forks=N");
    }

    @Test
    void docRendersModelsSideBySideWithEveryNumberFromTheFile(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("20260101-000000-bench-quick.json");
        Files.writeString(json, """
                [
                  {"benchmark": "dev.tva.bench.IoBoundBenchmark.sleep", "mode": "thrpt", "forks": 1, "jdkVersion": "25.0.3",
                   "warmupIterations": 1, "warmupTime": "1 s", "measurementIterations": 3, "measurementTime": "1 s",
                   "params": {"inFlight": "1000", "model": "platform"},
                   "primaryMetric": {"score": 19876.5, "scoreError": 123.4, "scoreUnit": "ops/s"}},
                  {"benchmark": "dev.tva.bench.IoBoundBenchmark.sleep", "mode": "thrpt", "forks": 1, "jdkVersion": "25.0.3",
                   "params": {"inFlight": "1000", "model": "virtual"},
                   "primaryMetric": {"score": 91234.0, "scoreError": "NaN", "scoreUnit": "ops/s"}},
                  {"benchmark": "dev.tva.bench.SpawnBenchmark.newVirtualThread", "mode": "avgt", "forks": 1, "jdkVersion": "25.0.3",
                   "params": {}, "primaryMetric": {"score": 4.567, "scoreError": 0.5, "scoreUnit": "us/op"}},
                  {"benchmark": "org.example.Other.x", "params": {}, "primaryMetric": {"score": 1, "scoreUnit": "ops/s"}}
                ]
                """);

        LabCliTest.Ran ran = LabCliTest.lab("bench", "--doc", json.toString());

        assertThat(ran.exit()).as(ran.err()).isZero();
        assertThat(ran.out())
                .contains("## Spawn").contains("| `newVirtualThread` | 4.57 ± 0.50 |")
                .contains("## IoBound").contains("| benchmark | platform (ops/s) | virtual (ops/s) |")
                .contains("| `sleep` inFlight=1000 | 19,877 ± 123 | 91,234 |")
                .contains("1 fork(s), warm-up 1 x 1 s, measurement 3 x 1 s")
                .doesNotContain("org.example");
        assertThat(ran.out().indexOf("## Spawn")).isLessThan(ran.out().indexOf("## IoBound"));
    }
}
