package dev.tva.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class RunQueueWaitTest {

    @Test
    void theWaitIsTheSecondFieldOfSchedstat(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("schedstat"), "5123456789 2000000123 4711\n");
        assertThat(RunQueueWait.waitNanos(file)).isEqualTo(2_000_000_123L);
        assertThat(RunQueueWait.waitNanos(Files.writeString(dir.resolve("short"), "17\n"))).isEqualTo(-1);
        assertThat(RunQueueWait.waitNanos(dir.resolve("gone"))).as("a thread that ended meanwhile").isEqualTo(-1);
    }

    /** More threads spinning than there are CPUs: each is runnable all the time, so together they wait for one. */
    @Test
    void threadsThatOutnumberTheCpusWaitForThem() throws InterruptedException {
        assumeTrue(RunQueueWait.perThread() != null, "no /proc/self/task/*/schedstat here");
        int cpus = Runtime.getRuntime().availableProcessors();
        RunQueueWait wait = RunQueueWait.mark();
        long spinNanos = 400_000_000L;
        List<Thread> spinners = new ArrayList<>();
        for (int i = 0; i < 2 * cpus + 1; i++) {
            spinners.add(Thread.ofPlatform().name("spinner-" + i).start(() -> {
                long end = System.nanoTime() + spinNanos;
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
            }));
        }
        // The spinners are still alive at the reading: a thread that has ended is not counted.
        Thread.sleep(spinNanos / 2_000_000);
        long waited = wait.millisSinceMark();
        for (Thread t : spinners) {
            t.join();
        }
        // 2n+1 runnable threads on n CPUs for 200 ms: at least n+1 of them wait at any time, about (n+1) x 200 ms in all.
        assertThat(waited).as("ms waited for a CPU by %d spinners on %d CPUs", 2 * cpus + 1, cpus).isGreaterThanOrEqualTo(50);
    }
}
