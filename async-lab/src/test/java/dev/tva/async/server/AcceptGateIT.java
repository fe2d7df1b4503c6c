package dev.tva.async.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate over real sockets on the loopback, with one event loop: on time, every connection is let in and kept;
 * while the loop is blocked for longer than {@link AcceptGate#MAX_LAG} and a client has just left with its request
 * unanswered, a new connection is closed at once (the client reads its end long before the loop is free), and once
 * the loop is back, connections are let in again. A loop as late with no client leaving lets them in.
 */
class AcceptGateIT {
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel listening;
    private AcceptGate gate;
    /** Connections let in: registered on the loop. */
    private final AtomicInteger active = new AtomicInteger();

    @BeforeEach
    void start() throws InterruptedException {
        boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        gate = new AcceptGate(workers);
        listening = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        active.incrementAndGet();
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
        gate.open(listening);
    }

    @AfterEach
    void stop() {
        gate.close();
        listening.close().syncUninterruptibly();
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void onTimeEveryConnectionIsLetInAndKept() throws Exception {
        List<Socket> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                clients.add(connect());
            }
            awaitActive(20);
            for (Socket client : clients) {
                assertThat(endRead(client, 300)).as("an open connection says nothing").isFalse();
            }
            assertThat(turnedAway()).isZero();
        } finally {
            for (Socket client : clients) {
                client.close();
            }
        }
    }

    @Test
    void whileTheLoopIsLateANewConnectionIsClosedAtOnceAndAfterwardsLetIn() throws Exception {
        long blockMillis = 3_000;
        workers.next().execute(() -> sleep(blockMillis));
        gate.clientLeft();
        Thread.sleep(AcceptGate.MAX_LAG.toMillis() * 3);  // its lag probe is overdue by now
        long start = System.nanoTime();
        try (Socket refused = connect()) {
            assertThat(endRead(refused, 2_000)).as("the server closed the connection").isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                    .as("closed at once, not once the loop was free").isLessThan(blockMillis - 500);
        }
        assertThat(turnedAway()).isEqualTo(1);
        assertThat(active.get()).isZero();

        Thread.sleep(blockMillis);  // the loop is free again, and its beat on time
        try (Socket later = connect()) {
            awaitActive(1);
            assertThat(endRead(later, 300)).isFalse();
        }
        assertThat(turnedAway()).isEqualTo(1);
    }

    @Test
    void aLateLoopWithNoClientLeavingLetsNewConnectionsIn() throws Exception {
        long blockMillis = 1_500;
        workers.next().execute(() -> sleep(blockMillis));
        Thread.sleep(AcceptGate.MAX_LAG.toMillis() * 3);
        try (Socket waiting = connect()) {
            assertThat(endRead(waiting, (int) blockMillis)).as("let in, it waits for the loop").isFalse();
            awaitActive(1);
            assertThat(endRead(waiting, 300)).isFalse();
        }
        assertThat(turnedAway()).isZero();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect((InetSocketAddress) listening.localAddress(), 2_000);
        return socket;
    }

    /** True when the server ended the connection within {@code millis}; false when the read waited that long. */
    private static boolean endRead(Socket socket, int millis) throws IOException {
        socket.setSoTimeout(millis);
        InputStream in = socket.getInputStream();
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    private void awaitActive(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (active.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(active.get()).isEqualTo(expected);
    }

    private long turnedAway() throws Exception {
        return listening.eventLoop().submit(gate::turnedAway).get(5, TimeUnit.SECONDS);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
