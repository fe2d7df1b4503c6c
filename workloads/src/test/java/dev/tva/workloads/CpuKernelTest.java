package dev.tva.workloads;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CpuKernelTest {

    @Test
    void sameSeedAndUnitsGiveTheSameChecksum() {
        assertThat(CpuKernel.run(50, 7)).isEqualTo(CpuKernel.run(50, 7));
    }

    @Test
    void everySeedGivesItsOwnChecksum() {
        Set<Long> checksums = new HashSet<>();
        for (long seed = 0; seed < 1_000; seed++) {
            checksums.add(CpuKernel.run(1, seed));
        }
        assertThat(checksums).hasSize(1_000);
    }

    @Test
    void moreUnitsDoMoreWorkAndChangeTheChecksum() {
        assertThat(CpuKernel.run(2, 1)).isNotEqualTo(CpuKernel.run(1, 1));
    }

    @Test
    void aUnitCostsAMeasurablePositiveTime() {
        double nanos = CpuKernel.nanosPerUnit(50);
        // 4,096 dependent rounds cannot take less than ~1 ns each on any current CPU, nor a whole ms.
        assertThat(nanos).isBetween(1_000.0, 1_000_000.0);
    }
}
