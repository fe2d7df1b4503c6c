package dev.tva.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HostStealTest {
    @Test
    void theTotalIsTheFirstEightColumnsAndStealTheEighth() {
        // user nice system idle iowait irq softirq steal guest guest_nice: guest is inside user already.
        HostSteal.Ticks t = HostSteal.parse(List.of("cpu  5522487 2977 931066 8151292 3868 0 278906 223724 900 0",
                "cpu0 1 2 3 4 5 6 7 8 9 10"));

        assertThat(t).isEqualTo(new HostSteal.Ticks(223724, 5522487L + 2977 + 931066 + 8151292 + 3868 + 278906 + 223724));
    }

    @Test
    void theShareIsStealTicksOverAllTicksBetweenTwoReadings() {
        HostSteal.Ticks before = HostSteal.parse(List.of("cpu  100 0 50 800 0 0 0 50 0 0"));
        // 200 ticks later: 60 user, 20 system, 90 idle, 30 stolen.
        HostSteal.Ticks after = HostSteal.parse(List.of("cpu  160 0 70 890 0 0 0 80 0 0"));

        assertThat(after.percentSince(before)).isEqualTo(15.0);
    }

    @Test
    void anUnreadableOrOldKernelsLineAndNoTimePassedAreUnknown() {
        assertThat(HostSteal.parse(List.of("cpu  1 2 3 4 5 6 7"))).as("no steal column").isEqualTo(HostSteal.Ticks.UNKNOWN);
        assertThat(HostSteal.parse(List.of("intr 1 2 3"))).isEqualTo(HostSteal.Ticks.UNKNOWN);
        assertThat(HostSteal.parse(List.of("cpu  1 2 3 x 5 6 7 8"))).isEqualTo(HostSteal.Ticks.UNKNOWN);
        assertThat(HostSteal.parse(List.of())).isEqualTo(HostSteal.Ticks.UNKNOWN);
        HostSteal.Ticks t = new HostSteal.Ticks(5, 100);
        assertThat(t.percentSince(HostSteal.Ticks.UNKNOWN)).isNull();
        assertThat(HostSteal.Ticks.UNKNOWN.percentSince(t)).isNull();
        assertThat(t.percentSince(t)).isNull();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void onLinuxTheMachinesOwnCountersAreRead() throws Exception {
        HostSteal.Ticks before = HostSteal.now();
        String[] line = Files.readAllLines(Path.of("/proc/stat")).get(0).substring(4).trim().split("\\s+");
        HostSteal.Ticks after = HostSteal.now();

        long steal = Long.parseLong(line[7]);
        assertThat(steal).isBetween(before.steal(), after.steal());
        assertThat(before.total()).isPositive();
    }
}
