package dev.tva.engine;

import dev.tva.workloads.Backend;
import dev.tva.workloads.Client;
import dev.tva.workloads.ExecutionModel;
import dev.tva.workloads.Model;
import dev.tva.workloads.Workload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A fan-out whose one call fails while the others wait 10 s: on every model, and with either client, the
 * task fails with that call's failure at once, and the waiting calls are abandoned (their connections
 * closed), not waited for.
 */
class FanOutCancelsIT {
    private static final long LONG_CALL_MILLIS = 10_000;

    static Stream<Arguments> modelsAndClients() {
        return Stream.of(Model.values()).flatMap(m -> Stream.of(Client.values()).map(c -> Arguments.of(m, c)));
    }

    /*
     * How a cancelled call ends: blocking code interrupts its thread, and event-loop code closes its
     * connection. The lean blocking client reads a SocketChannel, which an interrupt closes on any thread;
     * Helidon's client reads a java.net.Socket, which an interrupt closes only on a virtual thread: on a
     * platform thread the cancelled call keeps its connection (and its thread) until its answer. The task
     * still fails at once here: its pool has threads to spare, so it runs none of the calls itself.
     */
    private static boolean closesCancelledCalls(Model model, Client client) {
        return switch (client) {
            case LEAN -> true;
            case LIBRARY -> model != Model.PLATFORM;
        };
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("modelsAndClients")
    void aFailedCallFailsTheFanOutAtOnceAndItsSiblingsAreAbandoned(Model model, Client client) throws Exception {
        try (Backend backend = Backend.start("127.0.0.1", 0, 1);
             OneCallFails relay = new OneCallFails(backend.uri(), Duration.ofMillis(500));
             ExecutionModel execution = new ModelSpec(model, 8, 1).create(relay.uri(), client, Duration.ofSeconds(30))) {
            long start = System.nanoTime();
            CompletableFuture<Long> task = execution.start(new Workload.FanOut(4, LONG_CALL_MILLIS, 16)).toCompletableFuture();

            assertThatThrownBy(() -> task.get(8, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().hasMessageContaining("503");
            // The failure came after 500 ms; the other calls would have answered after 10 s.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            if (closesCancelledCalls(model, client)) {
                assertThat(within(Duration.ofSeconds(4), () -> backend.connectionsOpen() == 0))
                        .as("the three waiting calls' connections are closed, long before their answers").isTrue();
            }
        }
    }

    private static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }
}
