package dev.tva.workloads;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BoundTest {

    @Test
    void waitingIsBoundByLittlesLaw() {
        Bound bound = Bound.of(new Workload.Sleep(100), 100_000, 10_000, 2, 0);
        assertThat(bound.perSecond()).isEqualTo(100_000.0);
        assertThat(bound.rule()).isEqualTo("10000 in flight / 100 ms");
        assertThat(bound.efficiency(2_000)).isEqualTo(0.02, within(1e-9));
    }

    @Test
    void fewerTasksThanConcurrencyMeansFewerInFlight() {
        assertThat(Bound.of(new Workload.Http(50, 16), 100, 1_000, 2, 0).perSecond()).isEqualTo(2_000.0);
    }

    @Test
    void aFanOutIsBoundByLittlesLawOnItsTasksWithOneLatencyEach() {
        // Its 10 calls overlap: a task takes one 50 ms latency, not ten.
        Bound bound = Bound.of(new Workload.FanOut(10, 50, 16), 10_000, 100, 2, 0);
        assertThat(bound.perSecond()).isEqualTo(2_000.0);
        assertThat(bound.rule()).isEqualTo("100 in flight / 50 ms");
        assertThat(bound.limit()).isEqualTo(Bound.Limit.IN_FLIGHT);
    }

    @Test
    void computingIsBoundByCoresOverCostPerTask() {
        // 100 units x 10 us = 1 ms per task; 2 cores -> 2,000 tasks/s
        Bound bound = Bound.of(new Workload.Cpu(100, 0), 10_000, 100, 2, 10_000);
        assertThat(bound.perSecond()).isEqualTo(2_000.0, within(1e-6));
    }

    @Test
    void computingWithOneTaskInFlightUsesOneCore() {
        assertThat(Bound.of(new Workload.Cpu(100, 0), 10_000, 1, 8, 10_000).perSecond()).isEqualTo(1_000.0, within(1e-6));
    }

    @Test
    void mixedWorkTakesTheTighterOfWaitingAndComputing() {
        // 1,000 in flight / (50 ms + 1 ms) = 19,608/s, but 2 cores / 1 ms = 2,000/s: the cores bind.
        Bound bound = Bound.of(new Workload.Mixed(new Workload.Http(50, 16), new Workload.Cpu(100, 0)), 10_000, 1_000, 2, 10_000);
        assertThat(bound.perSecond()).isEqualTo(2_000.0, within(1e-6));
        // 10 in flight / 51 ms = 196/s is tighter than the cores.
        Bound few = Bound.of(new Workload.Mixed(new Workload.Http(50, 16), new Workload.Cpu(100, 0)), 10_000, 10, 2, 10_000);
        assertThat(few.perSecond()).isEqualTo(10 * 1e9 / 51e6, within(1e-6));
    }

    @Test
    void zeroLatencyHasNoBound() {
        Bound bound = Bound.of(new Workload.Sleep(0), 10, 10, 2, 0);
        assertThat(bound.perSecond()).isNaN();
        assertThat(bound.efficiency(100)).isNaN();
    }
}
