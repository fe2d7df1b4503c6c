package dev.tva.lessons;

import dev.tva.workloads.ChildProcess;

import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * The debugging lesson's child JVM: a server that takes {@code PER_MILLI} requests a millisecond, each on a
 * virtual thread that waits 50 to 300 ms, so thousands are alive at once. Request number {@code STUCK}
 * waits for a reply that never comes. Prints {@code READY} and its pid once that one is stuck; runs until
 * its standard input closes.
 */
public final class StuckAmongThousands {
    static final String READY = "stuck-among-thousands ready ";
    static final int PER_MILLI = 25;
    static final int STUCK = 4_242;

    private StuckAmongThousands() {
    }

    public static void main(String[] args) {
        SplittableRandom random = new SplittableRandom(42);
        CompletableFuture<String> replyThatNeverComes = new CompletableFuture<>();
        try (ExecutorService requests = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("request-", 0).factory())) {
            Thread server = Thread.ofPlatform().daemon().name("acceptor").start(() -> {
                for (int n = 0; !Thread.currentThread().isInterrupted(); n++) {
                    if (n == STUCK) {
                        requests.execute(() -> awaitReply(replyThatNeverComes));
                        System.out.println(READY + ProcessHandle.current().pid());
                        System.out.flush();
                    } else {
                        long waitMillis = 50 + random.nextInt(250);
                        requests.execute(() -> handle(waitMillis));
                    }
                    if (n % PER_MILLI == 0) {
                        LockSupport.parkNanos(1_000_000);
                    }
                }
            });
            ChildProcess.awaitStandardInputClosed();
            server.interrupt();
            requests.shutdownNow();
        }
    }

    /** An ordinary request: it waits for its backend and answers. */
    private static void handle(long waitMillis) {
        try {
            Thread.sleep(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The stuck one: it waits, with no timeout, for a reply nobody will send. */
    private static void awaitReply(CompletableFuture<String> reply) {
        try {
            reply.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is stopping
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
