package dev.tva.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lab crossover}'s bad input is one line naming what is wrong, exit code 2, before anything runs. */
class CrossoverCliTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "crossover --forks 0            | --forks | expected a whole number >= 1, got 0",
            "crossover --quick --forks many | --forks | 'many' is not a whole number",
            "crossover --threads 0          | --threads | expected a whole number >= 1, got 0",
            "crossover --cpus 0-999         | --cpus | no CPU",
            "crossover --share 0.5          | --share | Unknown option",
    })
    void badFlagsGetOneLineAndExitCodeTwo(String args, String flag, String expected) {
        LabCliTest.Ran ran = LabCliTest.lab(args.trim().split("\\s+"));

        assertThat(ran.exit()).isEqualTo(2);
        assertThat(ran.err().lines()).hasSize(1);
        assertThat(ran.err()).startsWith("lab crossover: ").contains(flag.trim()).contains(expected.trim())
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(ran.out()).isEmpty();
    }

    @Test
    void aJsonFileThatCannotBeWrittenIsOneLineBeforeAnyRun(@TempDir Path dir) throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("a-file"), "x");
        Path json = notAFolder.resolve("crossover.json");

        LabCliTest.Ran ran = LabCliTest.lab("crossover", "--quick", "--json", json.toString());

        assertThat(ran.exit()).isEqualTo(2);
        assertThat(ran.err().lines()).hasSize(1);
        assertThat(ran.err()).startsWith("crossover: cannot write --json " + json).doesNotContain("\tat ");
        assertThat(ran.out()).as("nothing ran").isEmpty();
    }

    @Test
    void aJsonPathThatIsAFolderIsOneLine(@TempDir Path dir) {
        LabCliTest.Ran ran = LabCliTest.lab("crossover", "--quick", "--json", dir.toString());

        assertThat(ran.exit()).isEqualTo(2);
        assertThat(ran.err()).startsWith("crossover: cannot write --json " + dir).contains("not a writable file");
        assertThat(ran.out()).isEmpty();
    }
}
