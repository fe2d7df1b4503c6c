package dev.tva.workloads;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Helpers the client tests of every module share: waiting for a condition, and a port nobody listens on. */
public final class Eventually {
    private Eventually() {
    }

    /** True as soon as {@code condition} holds, false if it still does not after {@code limit}. */
    public static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** An http:// URI on loopback whose port was free a moment ago, so a connection to it is refused. */
    public static URI deadPort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + probe.getLocalPort());
        }
    }
}
