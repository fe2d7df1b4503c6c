package dev.tva.threads.server;

import io.helidon.common.socket.SocketOptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate holds the thread that configures an accepted socket while the virtual-thread scheduler runs new threads
 * later than its bound (every carrier held by threads that compute), and lets it go, the socket configured with
 * Helidon's default options, once a probe runs in time; well within its bound (5 s, a wide margin for a busy
 * machine), it does not hold at all.
 */
class HelidonAcceptGateTest {
    private static final SocketOptions HELIDON_DEFAULTS = SocketOptions.builder().build();

    @Test
    void anAcceptedSocketWaitsWhileTheSchedulerIsLateAndIsConfiguredOnceItIsOnTime() throws Exception {
        try (HelidonAcceptGate gate = new HelidonAcceptGate(HELIDON_DEFAULTS, Duration.ofMillis(100));
             Loopback connection = Loopback.open()) {
            SocketChannel accepted = connection.accepted();
            AtomicBoolean released = new AtomicBoolean();
            AtomicBoolean configuredWhileHeld = new AtomicBoolean();
            Thread acceptLoop;
            try (Carriers carriers = Carriers.hold()) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (gate.lateNanos(System.nanoTime()) <= TimeUnit.MILLISECONDS.toNanos(100) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(gate.lateNanos(System.nanoTime())).as("late behind carriers held for up to 10 s")
                        .isGreaterThan(TimeUnit.MILLISECONDS.toNanos(100));
                acceptLoop = Thread.ofPlatform().name("accept-loop").start(() -> {
                    gate.configureSocket(accepted);
                    configuredWhileHeld.set(!released.get());
                });
                Thread.sleep(300);
                assertThat(acceptLoop.isAlive()).as("held while the scheduler is late").isTrue();
                released.set(true);
            }
            acceptLoop.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(acceptLoop.isAlive()).as("let go once a probe ran in time").isFalse();
            assertThat(configuredWhileHeld).isFalse();
            assertThat(gate.held()).isEqualTo(1);
            assertThat(accepted.getOption(StandardSocketOptions.SO_KEEPALIVE)).isEqualTo(HELIDON_DEFAULTS.socketKeepAlive());
            assertThat(accepted.getOption(StandardSocketOptions.TCP_NODELAY)).isEqualTo(HELIDON_DEFAULTS.tcpNoDelay());
        }
    }

    @Test
    void onTimeNothingIsHeld() throws Exception {
        try (HelidonAcceptGate gate = new HelidonAcceptGate(HELIDON_DEFAULTS, Duration.ofSeconds(5));
             Loopback connection = Loopback.open()) {
            Thread.sleep(HelidonAcceptGate.PERIOD.toMillis() * 5);  // a few probes have run
            gate.configureSocket(connection.accepted());
            assertThat(gate.held()).isZero();
            assertThat(gate.readTimeout()).isEqualTo(HELIDON_DEFAULTS.readTimeout());
            assertThat(gate.socketOptions()).isEqualTo(HELIDON_DEFAULTS.socketOptions());
        }
    }

    /** A connection on loopback, as a listener accepted it: what Helidon's accept loop hands to its socket options. */
    private record Loopback(ServerSocketChannel listener, SocketChannel client, SocketChannel accepted) implements AutoCloseable {
        static Loopback open() throws IOException {
            ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            SocketChannel client = SocketChannel.open(listener.getLocalAddress());
            return new Loopback(listener, client, listener.accept());
        }

        @Override
        public void close() throws IOException {
            try (listener; client; accepted) {
                // all three closed
            }
        }
    }
}
