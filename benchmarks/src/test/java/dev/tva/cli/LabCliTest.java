package dev.tva.cli;

import dev.tva.engine.ChildRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets one line that names the flag and what is accepted, exit code 2, and no stack trace. */
class LabCliTest {

    record Ran(int exit, String out, String err) {
    }

    static Ran lab(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Lab.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Ran(exit, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "run --model warp                        | --model | 'warp' is not a model; expected one of platform, virtual, event-loop",
            "run --model virtual --tasks -1          | --tasks | expected a whole number >= 1, got -1",
            "run --model virtual --concurrency 0     | --concurrency | expected a whole number >= 1, got 0",
            "run --model virtual --latency 5parsecs  | --latency | '5parsecs' is not a duration; use a whole number with ms, s or m",
            "run --model virtual --tasks             | --tasks | Missing required parameter",
            "run --model virtual --workload nap      | --workload | expected one of sleep, http, cpu, mixed, fanout, db",
            "run --model virtual --tasks many        | --tasks | 'many' is not a whole number",
            "run --model virtual --latency 2m        | --latency | at most 60s",
            "run --workload sleep                    | --model | Missing required option",
            "compare --warmup soon                   | --warmup | is not a duration",
            "run --model virtual --speed 9           | --speed | Unknown option",
            "backend --port 70000                    | --port | expected 0..65535, got 70000",
            "db-sweep --latency 20s                  | --latency | expected 1ms..10s, got 20000ms",
            "db-sweep --pools 5,x                    | --pools | 'x' is not a whole number",
            "run --model virtual --workload db --query scan | --query | 'scan' is not a query; expected one of sleep, read",
            "compare --windows 0                     | --windows | expected a whole number >= 1, got 0",
            "compare --window 5parsecs               | --window | '5parsecs' is not a duration; use a whole number with ms, s or m",
            "run --model virtual --window 50ms       | --window | at least 100ms, got 50ms",
            "compare --forks -1                      | --forks | expected a whole number >= 1, got -1",
            "run --model virtual --forks x           | --forks | 'x' is not a whole number",
            "run --model virtual --client fast       | --client | 'fast' is not a client; expected one of lean, library",
            "compare --workload http --client fast    | --client | 'fast' is not a client; expected one of lean, library, or both",
            "run --model virtual --workload fanout --calls 101 | --calls | at most 100, got 101",
    })
    void badInputGetsOneLineAndExitCodeTwo(String args, String flag, String expected) {
        Ran ran = lab(args.trim().split("\\s+"));

        assertThat(ran.exit()).isEqualTo(2);
        assertThat(ran.err().lines()).hasSize(1);
        assertThat(ran.err()).contains(flag.trim()).contains(expected.trim()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(ran.out()).isEmpty();
    }

    @Test
    void anUnreachableBackendIsOneLineAndAFailedExitNotAHang() {
        long start = System.nanoTime();
        Ran ran = lab("run", "--model", "virtual", "--workload", "http", "--backend", "http://127.0.0.1:1", "--tasks", "10", "--warmup", "0");

        assertThat(ran.exit()).isEqualTo(1);
        assertThat(ran.err().lines()).hasSize(1);
        assertThat(ran.err()).contains("backend http://127.0.0.1:1 is not reachable").doesNotContain("\tat ");
        assertThat(System.nanoTime() - start).isLessThan(20_000_000_000L);
    }

    @Test
    void aBackendThatIsNotAnHttpUrlIsBadInput() {
        Ran ran = lab("run", "--model", "virtual", "--workload", "http", "--backend", "ftp://x", "--tasks", "10");

        assertThat(ran.exit()).isEqualTo(2);
        assertThat(ran.err()).contains("--backend").contains("is not an http://HOST:PORT URL");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"run", "compare", "tour", "backend", "calibrate"}) {
            Ran ran = lab(command, "--help");
            assertThat(ran.exit()).as(command).isZero();
            assertThat(ran.out()).as(command).startsWith("Usage: lab " + command);
        }
    }

    @Test
    void theChildJvmsRunThisCommandLine() {
        assertThat(ChildRun.MAIN_CLASS).isEqualTo(Lab.class.getName());
    }
}
