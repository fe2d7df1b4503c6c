package dev.tva.workloads.leak;

import dev.tva.workloads.ChildProcess;
import io.netty.buffer.ByteBufAllocator;

/** A child JVM that drops a Netty buffer without releasing it, on purpose, then serves nothing until told to stop. */
public final class LeakingChild {
    static final String READY_LINE = "leaking child ready";

    private LeakingChild() {
    }

    public static void main(String[] args) {
        leakOneBuffer();
        System.out.println(READY_LINE);
        System.out.flush();
        ChildProcess.awaitStandardInputClosed(); // sweeps under paranoid detection: Netty prints LEAK: on standard error
    }

    private static void leakOneBuffer() {
        ByteBufAllocator.DEFAULT.buffer(64).writeLong(42);
    }
}
