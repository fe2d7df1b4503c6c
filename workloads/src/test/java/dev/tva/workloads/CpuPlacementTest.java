package dev.tva.workloads;

import dev.tva.workloads.CpuPlacement.Layout;
import dev.tva.workloads.CpuPlacement.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --cpus}: Linux's CPU lists, the documented split per layout, and one line for every mistake, on injected machines. */
class CpuPlacementTest {
    private static final Optional<CpuList> TWO = Optional.of(CpuList.parse("0-1"));
    private static final Optional<CpuList> EIGHT = Optional.of(CpuList.parse("0-7"));
    private static final Optional<CpuList> SIXTY_FOUR = Optional.of(CpuList.parse("0-63"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0-3        | 0-3",
            "0,2,4-7    | 0,2,4-7",
            "7,1,0,1    | 0-1,7",
            "0-9:3      | 0,3,6,9",
            "4-5, 6     | 4-6",
    })
    void readsLinuxListSyntaxAndWritesItFolded(String text, String folded) {
        assertThat(CpuList.parse(text)).hasToString(folded);
    }

    @ParameterizedTest(name = "split {0} for {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "0-1  | LOAD    | generator=0-1",
            "0    | RUN     | generator=0/backend=0",
            "0-1  | RUN     | generator=0/backend=1",
            "0-7  | RUN     | generator=0-5/backend=6-7",
            "0-63 | RUN     | generator=0-47/backend=48-63",
            "0-1  | SERVERS | generator=0/server=1/backend=1",
            "0-2  | SERVERS | generator=0/server=1/backend=2",
            "0-7  | SERVERS | generator=0-1/server=2-5/backend=6-7",
            "0-63 | SERVERS | generator=0-15/server=16-47/backend=48-63",
            "1,3,5,7 | SERVERS | generator=1/server=3,5/backend=7",
    })
    void aCpuListIsSplitInAscendingOrderByLayout(String spec, Layout layout, String placed) {
        assertThat(CpuPlacement.parse(spec, layout, SIXTY_FOUR).toSpec()).isEqualTo(placed);
    }

    @Test
    void theBackendGetsTheSameCpusInEveryLayoutSoATourKeepsOneBackend() {
        for (int n = 2; n <= 64; n++) {
            String spec = "0-" + (n - 1);
            assertThat(CpuPlacement.parse(spec, Layout.SERVERS, SIXTY_FOUR).prefix(Role.BACKEND)).as(spec)
                    .isEqualTo(CpuPlacement.parse(spec, Layout.RUN, SIXTY_FOUR).prefix(Role.BACKEND));
        }
    }

    @Test
    void theGeneratorAndTheServerNeverShareACpuInTheSplit() {
        for (int n = 2; n <= 64; n++) {
            CpuPlacement p = CpuPlacement.parse("0-" + (n - 1), Layout.SERVERS, SIXTY_FOUR);
            assertThat(p.cpus().get(Role.GENERATOR).overlaps(p.cpus().get(Role.SERVER))).as("%d CPUs", n).isFalse();
        }
    }

    @Test
    void namedRolesAreTakenAsGivenAndRolesTheCommandDoesNotRunAreIgnored() {
        String spec = "generator=0/server=1-3/backend=4";

        assertThat(CpuPlacement.parse(spec, Layout.SERVERS, EIGHT).toSpec()).isEqualTo(spec);
        assertThat(CpuPlacement.parse(spec, Layout.RUN, EIGHT).toSpec()).isEqualTo("generator=0/backend=4");
        assertThat(CpuPlacement.parse("backend=0/generator=0", Layout.RUN, TWO).describe())
                .isEqualTo("cpus: generator 0, backend 0 (shared with the generator)");
    }

    @Test
    void theStartLineNamesEachRoleItsCpusAndWhatIsShared() {
        assertThat(CpuPlacement.parse("0-1", Layout.SERVERS, TWO).describe())
                .isEqualTo("cpus: generator 0, server 1, backend 1 (shared with the server)");
        assertThat(CpuPlacement.parse("0-7", Layout.SERVERS, EIGHT).describe())
                .isEqualTo("cpus: generator 0-1, server 2-5, backend 6-7");
        assertThat(CpuPlacement.NONE.describe()).isEqualTo("cpus: not placed (every process may run on every CPU)");
    }

    @Test
    void thePrefixIsTasksetForAPlacedRoleAndNothingOtherwise() {
        CpuPlacement run = CpuPlacement.parse("0-7", Layout.RUN, EIGHT);

        assertThat(run.prefix(Role.GENERATOR)).containsExactly("taskset", "-c", "0-5");
        assertThat(run.prefix(Role.SERVER)).isEmpty();
        assertThat(CpuPlacement.NONE.prefix(Role.BACKEND)).isEmpty();
        assertThat(run.cpuCount(Role.BACKEND, 99)).isEqualTo(2);
        assertThat(run.cpuCount(Role.SERVER, 99)).isEqualTo(99);
    }

    @ParameterizedTest(name = "{0} for {1}")
    @CsvSource(delimiter = '|', value = {
            "abc          | RUN     | 'abc' is not a CPU list; use Linux's syntax, e.g. 0-3 or 0,2,4-7",
            "3-1          | RUN     | '3-1' is not a CPU list; use Linux's syntax, e.g. 0-3 or 0,2,4-7",
            "0,,1         | RUN     | '0,,1' is not a CPU list; use Linux's syntax, e.g. 0-3 or 0,2,4-7",
            "0-99         | RUN     | no CPU 2-99 on this machine: it has CPUs 0-1",
            "0            | SERVERS | 1 CPU (0) cannot keep the generator and the server apart; give at least 2, e.g. 0-1",
            "generator=0,server=1 | SERVERS | 'generator=0,server=1': separate the roles with /, e.g. generator=0/server=1-3/backend=4",
            "client=0/backend=1   | RUN     | 'client=0' names no role; use generator=LIST, server=LIST or backend=LIST, separated by /, e.g. generator=0/server=1-3/backend=4",
            "generator=0/generator=1 | RUN  | 'generator=0/generator=1' names the generator twice or without CPUs; e.g. generator=0/server=1-3/backend=4",
            "generator=0/server=1 | SERVERS | 'generator=0/server=1' names no CPUs for the backend; name every role: generator=LIST/server=LIST/backend=LIST",
            "generator=0-1/server=1/backend=0 | SERVERS | the generator (0-1) and the server (1) must not share a CPU",
    })
    void aMistakeIsOneLineSayingWhatIsAccepted(String spec, Layout layout, String message) {
        assertThatThrownBy(() -> CpuPlacement.parse(spec, layout, TWO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void withoutLinuxAffinityAWellFormedSpecIsRefusedNamingTaskset() {
        assertThatThrownBy(() -> CpuPlacement.parse("0-1", Layout.RUN, Optional.empty()))
                .hasMessage("pinning needs Linux's taskset (util-linux); not found on this machine");
    }

    @Test
    void aNamedPlacementRoundTripsThroughItsSpec() {
        CpuPlacement p = CpuPlacement.parse("0-63", Layout.SERVERS, SIXTY_FOUR);

        assertThat(CpuPlacement.parse(p.toSpec(), Layout.SERVERS, SIXTY_FOUR)).isEqualTo(p);
    }
}
