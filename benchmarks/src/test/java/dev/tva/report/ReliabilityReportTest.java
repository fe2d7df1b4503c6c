package dev.tva.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The Reliability section: one table per kind, one row per server, its numbers, commands and commits from the fixture files. */
class ReliabilityReportTest {
    /*
     * The expected cells are computed here from the fixture JSON (results/reliability/), so a fixture
     * regenerated with other numbers still checks the same claims.
     */
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachFixtureIsReadAsItsKind() throws Exception {
        for (Kind kind : new Kind[] {Kind.SOAK, Kind.OVERLOAD, Kind.IDLE, Kind.SLOWLORIS}) {
            assertThat(Kind.of(fixture(kind))).as(kind.id()).contains(kind);
        }
    }

    @Test
    void theSlowlorisTableShowsWhatEachServerHeldAndWhenItWasCutOff(@TempDir Path dir) throws Exception {
        String section = table(dir, "### Slow clients");

        for (JsonNode r : fixture(Kind.SLOWLORIS)) {
            JsonNode idle = r.path("idle");
            JsonNode attacked = r.path("attacked");
            assertThat(section).contains("| " + r.path("server").asText() + " | " + r.path("connections").asInt() + " | "
                    + String.format(Locale.ROOT, "%.1f s (%d of %d;", r.path("cutOffMedianMillis").asLong() / 1000.0,
                    r.path("cutOff").asInt(), r.path("connections").asInt()));
            assertThat(section).contains(String.format(Locale.ROOT, "| %+d (%d reading a head) | %+d (%d reading a head) | %+d MiB |",
                    attacked.path("platformThreads").asLong() - idle.path("platformThreads").asLong(), attacked.path("platformInHeadRead").asInt(),
                    attacked.path("virtualThreads").asLong() - idle.path("virtualThreads").asLong(), attacked.path("virtualInHeadRead").asInt(),
                    attacked.path("rssMb").asLong() - idle.path("rssMb").asLong()));
            assertThat(section).contains("**" + r.path("holds").asText().toLowerCase(Locale.ROOT).replace('_', ' ') + "**");
        }
        JsonNode first = fixture(Kind.SLOWLORIS).get(0);
        assertThat(section).contains("`./lab slowloris --servers jdk-platform,netty --connections " + first.path("connections").asInt()
                + " --byte-every " + first.path("byteEveryMillis").asLong() + "ms` at commit `" + first.path("env").path("commit").asText() + "`");
    }

    @Test
    void theOverloadTableAccountsForEveryRequestAndGivesTheRecovery(@TempDir Path dir) throws Exception {
        String section = table(dir, "### Overload: twice");

        for (JsonNode r : fixture(Kind.OVERLOAD)) {
            JsonNode load = r.path("load");
            assertThat(section).contains("| " + r.path("label").asText() + " | GET " + r.path("path").asText() + " | "
                    + String.format(Locale.ROOT, "%,.0f/s (%s)", r.path("capacityPerSec").asDouble(), r.path("capacityFrom").asText()));
            assertThat(section).contains(String.format(Locale.ROOT, "| %,d / %,d / %,d (%s) | %s |", load.path("completed").asLong(),
                    load.path("errors").asLong(), load.path("timeouts").asLong(), r.path("lost").asLong() == 0 ? "none lost"
                            : String.format(Locale.ROOT, "%,d LOST", r.path("lost").asLong()),
                    r.path("recoverySeconds").isNull() ? "never within the run" : r.path("recoverySeconds").asInt() + " s"));
            assertThat(section).contains("**" + r.path("verdict").asText().toUpperCase(Locale.ROOT) + "**");
        }
        assertThat(section).contains("at commit `" + fixture(Kind.OVERLOAD).get(0).path("load").path("env").path("commit").asText() + "`")
                .contains("](#overload-p99-of-each-second)");
    }

    @Test
    void theOverloadChartShowsTheFileMeasuredLastWhateverItsName(@TempDir Path dir) throws Exception {
        Path results = Files.createDirectories(dir.resolve("results").resolve("reliability"));
        String fixture = Files.readString(Fixtures.resource("/report/results/reliability/overload.json"));
        String date = fixture(Kind.OVERLOAD).get(0).path("load").path("env").path("date").asText();
        Files.writeString(results.resolve("overload-a-measured-later.json"), fixture.replace(date, "2099-01-01T00:00:00Z"));
        Files.writeString(results.resolve("overload-z-measured-first.json"), fixture);

        String md = Files.readString(Fixtures.render(dir.resolve("results"), dir).resolve("report.md"));
        int chart = md.indexOf("![Overload: p99 of each second]");
        assertThat(chart).isPositive();
        String caption = md.substring(chart, md.indexOf("\n\n", md.indexOf("Source:", chart)));

        assertThat(caption).contains("overload-a-measured-later.json").doesNotContain("overload-z-measured-first.json");
    }

    @Test
    void theOverloadChartShowsTheDefaultRunOfTheMostServersNotALaterRunOfOneOrAPlacedOne(@TempDir Path dir) throws Exception {
        Path results = Files.createDirectories(dir.resolve("results").resolve("reliability"));
        ArrayNode one = (ArrayNode) JSON.readTree(Fixtures.resource("/report/results/reliability/overload.json").toFile());
        ArrayNode two = one.deepCopy();
        ObjectNode netty = (ObjectNode) two.get(0).deepCopy();
        two.add(netty.put("server", "netty").put("label", "netty"));
        String date = one.get(0).path("load").path("env").path("date").asText();
        JSON.writeValue(results.resolve("overload-1-two-servers-first.json").toFile(), two);
        Files.writeString(results.resolve("overload-2-one-server-later.json"), JSON.writeValueAsString(one).replace(date, "2099-01-01T00:00:00Z"));
        ArrayNode placed = two.deepCopy();
        placed.forEach(r -> ((ObjectNode) r.path("load")).put("cpus", "generator=0/server=1/backend=1"));
        Files.writeString(results.resolve("overload-3-placed-later.json"), JSON.writeValueAsString(placed).replace(date, "2099-01-01T00:00:00Z"));

        String md = Files.readString(Fixtures.render(dir.resolve("results"), dir).resolve("report.md"));
        int chart = md.indexOf("![Overload: p99 of each second]");
        assertThat(chart).isPositive();
        String caption = md.substring(chart, md.indexOf("\n\n", md.indexOf("Source:", chart)));

        assertThat(caption).contains("overload-1-two-servers-first.json").contains("on cores shared with the load generator")
                .doesNotContain("overload-2-one-server-later.json").doesNotContain("overload-3-placed-later.json");
        assertThat(md).as("the placed runs' rows say where they ran").contains("| netty (--cpus generator=0/server=1/backend=1) | GET ")
                .as("and the command that measures them again places them too")
                .containsPattern("overload-3-placed-later.json\\), measured by `./lab overload --servers jdk-platform,netty [^`]*"
                        + " --cpus generator=0/server=1/backend=1`");
    }

    @Test
    void aSecondInWhichTheHostTookTheCpuIsMarkedOnTheOverloadChart(@TempDir Path dir) throws Exception {
        Path results = Files.createDirectories(dir.resolve("results").resolve("reliability"));
        ArrayNode runs = (ArrayNode) JSON.readTree(Fixtures.resource("/report/results/reliability/overload.json").toFile());
        int marked = 0;
        for (JsonNode r : runs) {
            for (JsonNode s : r.path("timeline")) {
                boolean answeredWithoutFailure = s.path("answers").asLong() > 0 && s.path("failures").asLong() == 0;
                // A second with answers and no failure, every third one: 30% taken; all others 2%, under the mark.
                boolean stolen = answeredWithoutFailure && s.path("second").asInt() % 3 == 0;
                ((ObjectNode) s).put("stealPercent", stolen ? 30.0 : 2.0);
                marked += stolen ? 1 : 0;
            }
        }
        JSON.writeValue(results.resolve("overload.json").toFile(), runs);

        Path out = Fixtures.render(dir.resolve("results"), dir);
        String svg = Files.readString(out.resolve("charts").resolve("overload-p99.svg"));
        String md = Files.readString(out.resolve("report.md"));

        assertThat(marked).as("the fixture has seconds to mark").isPositive();
        assertThat(svg.split(">\\^<", -1).length - 1).as("one ^ per second the host took 10%+ in").isEqualTo(marked);
        assertThat(md).contains("^ one in which the machine's host took 10% or more of its CPU");
    }

    @Test
    void theIdleTableGivesTheCostPerIdleConnectionAndTheLoadsP99(@TempDir Path dir) throws Exception {
        String section = table(dir, "### Idle");

        for (JsonNode r : fixture(Kind.IDLE)) {
            double kib = (r.path("rssMbWith").asLong() - r.path("rssMbBefore").asLong()) * 1024.0 / r.path("served").asInt();
            assertThat(section).contains("| " + r.path("label").asText() + " | " + r.path("stillOpen").asInt() + " of " + r.path("idle").asInt()
                    + " | " + (kib >= 0 ? "+" : "") + Fmt.score(kib) + " KiB (" + r.path("rssMbBefore").asLong() + " to "
                    + r.path("rssMbWith").asLong() + " MB)");
            assertThat(section).contains("p99 " + Fmt.ms(r.path("load").path("latencyMicros").path("p99").asDouble()) + " ms")
                    .contains("**" + r.path("verdict").asText().toUpperCase(Locale.ROOT) + "**");
        }
    }

    @Test
    void theSoakTableGivesEachFiguresVerdictAndChange(@TempDir Path dir) throws Exception {
        String section = table(dir, "### Soak");
        JsonNode r = fixture(Kind.SOAK);

        assertThat(section).contains("| " + r.path("server").asText() + " | GET " + r.path("path").asText());
        for (JsonNode t : r.path("trends")) {
            assertThat(section).contains(String.format(Locale.ROOT, "%s %+,.1f", t.path("verdict").asText(), t.path("change").asDouble())
                    + (t.path("changeRelative").isNull() ? "" : String.format(Locale.ROOT, " (%+.1f%%)", 100 * t.path("changeRelative").asDouble()))
                    + String.format(Locale.ROOT, " of %,.1f", t.path("median").asDouble()));
        }
        assertThat(section).contains(r.path("held").asBoolean() ? "**HELD**" : "**NOT HELD**")
                .contains("--rate " + Math.round(r.path("targetPerSec").asDouble()) + " --duration " + r.path("durationMillis").asLong() / 1000 + "s");
    }

    @Test
    void aPlacedSoaksCommandKeepsItsCpus(@TempDir Path dir) throws Exception {
        Path results = Files.createDirectories(dir.resolve("results").resolve("reliability"));
        ObjectNode soak = (ObjectNode) JSON.readTree(Fixtures.resource("/report/results/reliability/soak.json").toFile());
        JSON.writeValue(results.resolve("soak-placed.json").toFile(), soak.put("cpus", "generator=0/server=1/backend=1"));

        String md = Files.readString(Fixtures.render(dir.resolve("results"), dir).resolve("report.md"));

        assertThat(md).containsPattern("soak-placed.json\\), measured by `./lab soak --server [^`]* --cpus generator=0/server=1/backend=1`");
    }

    @Test
    void withoutReliabilityFilesEachTableSaysWhichCommandMakesIt(@TempDir Path dir) throws Exception {
        Path results = Files.createDirectories(dir.resolve("results"));
        Files.copy(Fixtures.resource("/report/results/servers/servers-io.json"), results.resolve("servers-io.json"));

        String md = Files.readString(Fixtures.render(results, dir).resolve("report.md"));

        assertThat(md).contains("## Reliability").contains("Not measured in these inputs: `./lab soak")
                .contains("Not measured in these inputs: `./lab overload").contains("Not measured in these inputs: `./lab idle")
                .contains("Not measured in these inputs: `./lab slowloris").doesNotContain("overload-p99.svg");
    }

    private static String table(Path dir, String heading) throws Exception {
        String md = Files.readString(Fixtures.render(Fixtures.results(dir, false), dir).resolve("report.md"));
        int start = md.indexOf(heading);
        assertThat(start).as(heading).isPositive();
        int end = md.indexOf("\n### ", start + 1);
        int section = md.indexOf("\n## ", start);
        return md.substring(start, end < 0 || (section > 0 && section < end) ? section : end);
    }

    private static JsonNode fixture(Kind kind) throws Exception {
        return JSON.readTree(Fixtures.resource("/report/results/reliability/" + kind.id() + ".json").toFile());
    }
}
