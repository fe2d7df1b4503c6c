package dev.tva.bench;

/**
 * A class whose static initializer blocks for {@link PinningBenchmark#SLEEP_MILLIS}. {@code PinningBenchmark}
 * defines a fresh hidden copy of it for every task, so every task runs this initializer once.
 */
final class SleepsInInitializer {
    static {
        try {
            Thread.sleep(PinningBenchmark.SLEEP_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SleepsInInitializer() {
    }
}
