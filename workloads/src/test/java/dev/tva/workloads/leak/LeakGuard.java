package dev.tva.workloads.leak;

import dev.tva.workloads.ChildLeaks;
import dev.tva.workloads.LeakSweep;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetectorFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Fails a test class when Netty reported a leaked buffer while it ran, in this JVM or in a child JVM it
 * started: registered for every test by {@code META-INF/services} (JUnit's extension autodetection).
 */
public final class LeakGuard implements AfterAllCallback {
    /*
     * Netty creates its detectors in static initializers (the buffers' one with the first buffer), so
     * the factory goes in when JUnit loads this extension, before any test runs, and is checked at once.
     */
    private static final RecordingLeakDetectorFactory FACTORY = install();

    private static RecordingLeakDetectorFactory install() {
        RecordingLeakDetectorFactory factory = new RecordingLeakDetectorFactory();
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(factory);
        ByteBufAllocator.DEFAULT.buffer(1).release();
        if (!factory.resourceTypes().contains("ByteBuf")) {
            throw new IllegalStateException("Netty's buffers were loaded before the leak guard: their leaks would go unrecorded");
        }
        return factory;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        check();
    }

    /**
     * Makes Netty report the leaks it can find now ({@link LeakSweep}), then throws an {@link AssertionError}
     * with every report (the leaked buffer's access records and where it was allocated) kept since the
     * last check, in this JVM or printed by a child JVM.
     */
    public static void check() {
        LeakSweep.run();
        List<String> leaks = new ArrayList<>(FACTORY.drain());
        leaks.addAll(ChildLeaks.drain());
        if (!leaks.isEmpty()) {
            throw new AssertionError("Netty reported " + leaks.size() + " leak(s) during these tests (a buffer dropped"
                    + " without release()):\n" + String.join("\n", leaks));
        }
    }
}
