package dev.tva.workloads.leak;

import dev.tva.workloads.ChildLeaks;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The leak guard catches a buffer dropped without release(), here on purpose, and passes buffers that were released. */
class LeakGuardTest {

    @BeforeEach
    void startClean() {
        // Whatever an earlier class left is that class's failure, reported by its own check.
        assertThatCode(LeakGuard::check).doesNotThrowAnyException();
    }

    @Test
    void testsRunNettysLeakDetectorAtParanoidLevel() {
        assertThat(ResourceLeakDetector.getLevel()).as("set by the build's surefire and failsafe argLine")
                .isEqualTo(ResourceLeakDetector.Level.PARANOID);
        assertThat(ChildLeaks.flags()).containsExactly("-Dio.netty.leakDetection.level=paranoid");
    }

    @Test
    void aBufferDroppedWithoutReleaseFailsTheCheckNamingWhereItWasAllocated() {
        leakOneBuffer();

        assertThatThrownBy(LeakGuard::check).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Netty reported 1 leak(s)")
                .hasMessageContaining("LEAK: ByteBuf.release() was not called")
                .hasMessageContaining(LeakGuardTest.class.getName() + ".leakOneBuffer");
        assertThatCode(LeakGuard::check).as("a leak is reported once").doesNotThrowAnyException();
    }

    @Test
    void releasedBuffersPassTheCheck() {
        for (int i = 0; i < 1_000; i++) {
            ByteBuf buffer = ByteBufAllocator.DEFAULT.buffer(64);
            buffer.writeLong(i);
            buffer.release();
        }

        assertThatCode(LeakGuard::check).doesNotThrowAnyException();
    }

    @Test
    void aLeakLineAChildJvmPrintedFailsTheCheck() {
        ChildLeaks.note("backend", "SEVERE: LEAK: ByteBuf.release() was not called before it's garbage-collected.");
        ChildLeaks.note("backend", "an ordinary line");

        assertThatThrownBy(LeakGuard::check).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Netty reported 1 leak(s)")
                .hasMessageContaining("backend: SEVERE: LEAK: ByteBuf.release()")
                .hasMessageNotContaining("ordinary");
    }

    /* In a method of its own, so no local variable of the test keeps the buffer reachable. */
    private static void leakOneBuffer() {
        ByteBuf buffer = ByteBufAllocator.DEFAULT.buffer(64);
        buffer.writeLong(42);
    }
}
