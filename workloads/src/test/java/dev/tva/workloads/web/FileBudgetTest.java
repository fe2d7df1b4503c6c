package dev.tva.workloads.web;

import dev.tva.workloads.Workload;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The file budget's arithmetic: connections plus backend sockets plus the reserve never exceed the limit. */
class FileBudgetTest {

    @Test
    void theLimitOfThisMachineSplitsIntoConnectionsAndBackendSocketsBesideTheReserve() {
        FileBudget budget = new FileBudget(20_000);
        assertThat(budget.connections()).as("four fifths of what the reserve leaves").isEqualTo(15_590);
        assertThat(budget.requestSockets()).isEqualTo(3_898);
        assertThat(budget.connections()).as("15,000 idle keep-alive connections and a load beside them").isGreaterThan(15_000 + 500);
        assertThat(budget.requestSockets()).isEqualTo(20_000 - FileBudget.RESERVE - budget.connections());
        // Every connection with an /io request in progress holds two files: its own and its backend call's.
        assertThat(budget.connections() + budget.requestSockets() + FileBudget.RESERVE).isLessThanOrEqualTo(20_000);
    }

    @Test
    void anOddLimitNeverRoundsUpPastIt() {
        for (long limit : new long[] {FileBudget.RESERVE + 2, 1_025, 65_535, 1_048_576}) {
            FileBudget budget = new FileBudget(limit);
            assertThat(budget.connections() + budget.requestSockets() + FileBudget.RESERVE).as("limit %d", limit).isEqualTo(limit);
            assertThat(budget.connections()).isPositive();
            assertThat(budget.requestSockets()).isPositive();
        }
    }

    @Test
    void aLimitThatLeavesNothingBesideTheReserveIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> new FileBudget(FileBudget.RESERVE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ulimit -n");
    }

    @Test
    void aRequestWeighsTheBackendSocketsItHoldsAndAtLeastOne() {
        assertThat(FileBudget.weight(new EndpointCall.Hello())).isEqualTo(1);
        assertThat(FileBudget.weight(new EndpointCall.Work(Endpoint.IO, new Workload.Http(50, 16)))).isEqualTo(1);
        assertThat(FileBudget.weight(new EndpointCall.Work(Endpoint.FANOUT, new Workload.FanOut(7, 50, 16)))).isEqualTo(7);
    }

    @Test
    void thePropertyStandsInForTheProcesssLimit() {
        String before = System.getProperty(FileBudget.OPEN_FILES_PROPERTY);
        try {
            System.setProperty(FileBudget.OPEN_FILES_PROPERTY, "600");
            assertThat(FileBudget.current().openFiles()).isEqualTo(600);
            assertThat(FileBudget.ofProcess().openFiles()).isNotEqualTo(600);
        } finally {
            if (before == null) {
                System.clearProperty(FileBudget.OPEN_FILES_PROPERTY);
            } else {
                System.setProperty(FileBudget.OPEN_FILES_PROPERTY, before);
            }
        }
    }
}
