package dev.tva.lessons;

/**
 * A class whose static initializer blocks for {@value #SLEEP_MILLIS} ms: the pin planted by the debugging
 * lesson, which defines a fresh hidden copy each time so the initializer runs on every try.
 */
final class BlocksInInitializer {
    static final long SLEEP_MILLIS = 50;

    static {
        try {
            Thread.sleep(SLEEP_MILLIS); // blocking inside <clinit>: the VM runs it with a native frame below, which pins
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private BlocksInInitializer() {
    }
}
