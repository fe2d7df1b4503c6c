package dev.tva.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lab report}: input it cannot use is one line naming the file and what is wrong, and exit code 2. */
class ReportCliTest {

    private static void assertOneLine(LabCliTest.Ran ran, String... expected) {
        assertThat(ran.exit()).as(ran.err()).isEqualTo(2);
        assertThat(ran.err().lines()).hasSize(1);
        assertThat(ran.err()).startsWith("report: ").contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(ran.out()).isEmpty();
    }

    @Test
    void aFolderWithNoResultsIsOneLine(@TempDir Path dir) throws IOException {
        Path results = Files.createDirectories(dir.resolve("results"));
        Files.writeString(results.resolve("notes.txt"), "not a result");

        LabCliTest.Ran ran = LabCliTest.lab("report", "--results", results.toString(), "--out", dir.resolve("out").toString());

        assertOneLine(ran, results.toString(), "no results in it (no .json file)");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aMissingFolderIsOneLine(@TempDir Path dir) {
        LabCliTest.Ran ran = LabCliTest.lab("report", "--results", dir.resolve("nowhere").toString(), "--out", dir.resolve("out").toString());

        assertOneLine(ran, "nowhere: not a folder of results");
    }

    @Test
    void aMalformedJsonFileIsOneLineNamingIt(@TempDir Path dir) throws IOException {
        Path results = Files.createDirectories(dir.resolve("results/runs"));
        Files.writeString(results.resolve("broken.json"), "{ \"model\": \"virtual\",\n  \"workload\": ");

        LabCliTest.Ran ran = LabCliTest.lab("report", "--results", dir.resolve("results").toString(), "--out", dir.resolve("out").toString());

        assertOneLine(ran, "runs/broken.json: not valid JSON (", "at line 2");
    }

    @Test
    void aJsonFileOfAnUnknownKindIsOneLineNamingTheKindsItKnows(@TempDir Path dir) throws IOException {
        Path results = Files.createDirectories(dir.resolve("results"));
        Files.writeString(results.resolve("weather.json"), "{\"city\": \"Oslo\", \"celsius\": -3}");

        LabCliTest.Ran ran = LabCliTest.lab("report", "--results", results.toString(), "--out", dir.resolve("out").toString());

        assertOneLine(ran, "weather.json: not a kind of result lab report knows; expected one of runs, tour, servers, load, footprint,"
                + " jmh, jmh-env, crossover, soak, overload, idle, slowloris");
    }

    @Test
    void aResultWithAnUnknownModelIsOneLine(@TempDir Path dir) throws IOException {
        Path results = Files.createDirectories(dir.resolve("results"));
        Files.writeString(results.resolve("run.json"), "{\"model\": \"warp\", \"workload\": \"sleep\", \"throughputPerSec\": 1}");

        LabCliTest.Ran ran = LabCliTest.lab("report", "--results", results.toString(), "--out", dir.resolve("out").toString());

        assertOneLine(ran, "run.json: looks like runs of lab run, compare or db-sweep but does not read as one", "'warp' is not a model");
    }

    @Test
    void anOverloadResultWithAnUnknownServerIsOneLine(@TempDir Path dir) throws IOException {
        Path results = Files.createDirectories(dir.resolve("results"));
        Files.writeString(results.resolve("overload.json"), "[{\"server\": \"apache\", \"capacityPerSec\": 40, \"timeline\": []}]");

        LabCliTest.Ran ran = LabCliTest.lab("report", "--results", results.toString(), "--out", dir.resolve("out").toString());

        assertOneLine(ran, "overload.json: looks like lab overload runs but does not read as one", "'apache' is not a server");
    }

    @Test
    void anOutThatIsAFileIsOneLine(@TempDir Path dir) throws IOException {
        Path results = Files.createDirectories(dir.resolve("results"));
        Files.writeString(results.resolve("run.json"), "{\"model\": \"virtual\", \"workload\": \"sleep\", \"throughputPerSec\": 1}");
        Path file = Files.writeString(dir.resolve("report.txt"), "a file");

        LabCliTest.Ran ran = LabCliTest.lab("report", "--results", results.toString(), "--out", file.toString());

        assertOneLine(ran, "report.txt: --out is a file; name a folder");
    }
}
