package dev.tva.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class KernelMonitorTest {
    /** A kernel thread's line as {@code /proc/78/stat} gave it here: utime 0, stime 4,245 (fields 14 and 15). */
    private static final String KDAMOND = "78 (kdamond.0) S 2 0 0 0 -1 2129984 0 0 0 0 0 4245 0 0 20 0 1 0 220 0 0 "
            + "18446744073709551615 0 0 0 0 0 0 0 2147483647 0 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0";

    @Test
    void theTicksAreUtimePlusStimeCountedAfterTheName() {
        assertThat(KernelMonitor.ticks(KDAMOND)).isEqualTo(4245);
        // A name may hold spaces and parentheses: the fields count from its last ')'.
        assertThat(KernelMonitor.ticks("9 (a) b (c)) R 1 9 9 0 -1 0 0 0 0 0 30 12 0 0 20 0 1 0 5 0 0")).isEqualTo(42);
        assertThat(KernelMonitor.ticks("9 no name here")).isEqualTo(-1);
        assertThat(KernelMonitor.ticks("9 (short) S 1 2 3")).isEqualTo(-1);
        assertThat(KernelMonitor.ticks("9 (x) S 1 2 3 4 5 6 7 8 9 10 u s 0")).isEqualTo(-1);
    }

    @Test
    void theShareIsTheMonitorsTicksOverAllTicksOfTheSameThreads() {
        List<Path> one = List.of(Path.of("/proc/78/stat"));
        KernelMonitor.Ticks before = new KernelMonitor.Ticks(one, 4_000, 100_000);
        KernelMonitor.Ticks after = new KernelMonitor.Ticks(one, 4_050, 101_000);

        assertThat(after.percentSince(before)).isEqualTo(5.0);
        assertThat(after.percentSince(KernelMonitor.Ticks.NONE)).isNull();
        assertThat(KernelMonitor.Ticks.NONE.percentSince(before)).isNull();
        assertThat(before.percentSince(before)).as("no tick passed").isNull();
        assertThat(after.percentSince(new KernelMonitor.Ticks(List.of(Path.of("/proc/79/stat")), 0, 100_000)))
                .as("another thread: not comparable").isNull();
        assertThat(KernelMonitor.again(KernelMonitor.Ticks.NONE)).isEqualTo(KernelMonitor.Ticks.NONE);
    }

    /** Where DAMON runs (its sysfs says a kdamond is on), its thread is found and its share read; where it does not, there is none. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void onLinuxItFindsKdamondExactlyWhenDamonRuns() throws IOException, InterruptedException {
        Path state = Path.of("/sys/kernel/mm/damon/admin/kdamonds/0/state");
        boolean on = Files.isReadable(state) && Files.readString(state).trim().equals("on");
        KernelMonitor.Ticks first = KernelMonitor.now();
        if (!on) {
            assumeTrue(first.threads().isEmpty(), "a kdamond runs without the sysfs interface saying so");
            assertThat(first).isEqualTo(KernelMonitor.Ticks.NONE);
            return;
        }
        assertThat(first.threads()).isNotEmpty();
        assertThat(first.monitor()).isNotNegative();
        Thread.sleep(300);
        Double percent = KernelMonitor.again(first).percentSince(first);
        assertThat(percent).isNotNull().isBetween(0.0, 100.0);
    }
}
