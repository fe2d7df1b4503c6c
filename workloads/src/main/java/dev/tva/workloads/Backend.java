package dev.tva.workloads;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The latency service every {@code http} task calls: {@code GET /delay?ms=&bytes=} answers {@code bytes}
 * bytes after {@code ms} milliseconds, from a timer on its event loop, so waiting costs it no thread.
 *
 * <p>Runs in-process ({@link #start}) or as its own JVM ({@link #main}, used by {@link BackendProcess})
 * so that its CPU time and file descriptors are not charged to the model under test.
 */
public final class Backend implements AutoCloseable {
    public static final String PATH = "/delay";
    /** The line {@link #main} prints once it accepts connections; the URI follows it. */
    static final String READY_LINE = "backend listening on ";

    private final EventLoopGroup group;
    private final Channel serverChannel;
    private final ListenAddress address;
    private final Connections connections;

    private Backend(EventLoopGroup group, Channel serverChannel, String host, Connections connections) {
        this.group = group;
        this.serverChannel = serverChannel;
        this.connections = connections;
        this.address = new ListenAddress(host, ((InetSocketAddress) serverChannel.localAddress()).getPort());
    }

    /** Starts a backend on {@code host:port} ({@code port} 0 picks a free one) with {@code loops} event loops. */
    public static Backend start(String host, int port, int loops) {
        return start(host, port, loops, null);
    }

    /** The same, counting the requests it has in progress in {@code activity} (null: not counted). */
    public static Backend start(String host, int port, int loops, BackendActivity activity) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(
                loops, new DefaultThreadFactory("backend"), NioIoHandler.newFactory());
        Connections connections = new Connections();
        try {
            // Configure the server.
            ServerBootstrap b = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 16_384)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            connections.accepted(ch);
                            ch.pipeline().addLast(new HttpServerCodec());
                            if (activity != null) {
                                ch.pipeline().addLast(activity);
                            }
                            ch.pipeline()
                                    .addLast(new HttpServerKeepAliveHandler())
                                    .addLast(new DelayHandler());
                        }
                    });
            // Start the server.
            Channel channel = b.bind(host, port).sync().channel();
            return new Backend(group, channel, host, connections);
        } catch (InterruptedException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the backend", e);
        } catch (Exception e) { // sync() rethrows a BindException it does not declare
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IllegalStateException("cannot start the backend on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** Base URI on this machine, e.g. {@code http://127.0.0.1:40123} (the loopback address when it listens on every address). */
    public URI uri() {
        return address.localUri();
    }

    /** Where it listens, and the URLs other machines reach it at. */
    public ListenAddress address() {
        return address;
    }

    public int port() {
        return address.port();
    }

    /** The request target that asks for {@code call}'s answer: {@code /delay?ms=50&bytes=16}. */
    public static String target(Workload.Http call) {
        return PATH + "?ms=" + call.latencyMillis() + "&bytes=" + call.bytes();
    }

    /** Connections accepted since the start: a keep-alive client opens no more than it has calls in flight. */
    public long connectionsAccepted() {
        return connections.accepted.sum();
    }

    /** Connections open now: a client that abandons its calls closes theirs. */
    public int connectionsOpen() {
        return connections.open.get();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Counts the connections a backend accepted, and those still open. */
    private static final class Connections {
        private final LongAdder accepted = new LongAdder();
        private final AtomicInteger open = new AtomicInteger();

        void accepted(Channel ch) {
            accepted.increment();
            open.incrementAndGet();
            ch.closeFuture().addListener(closed -> open.decrementAndGet());
        }
    }

    /**
     * Runs the backend as its own process: {@code [--host H] [--port P] [--loops N]}. Prints
     * {@value #READY_LINE}URI when ready and stops when its standard input closes (its parent is gone).
     */
    public static void main(String[] args) {
        String host = "127.0.0.1";
        int port = 0;
        int loops = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--host" -> host = args[i + 1];
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--loops" -> loops = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        try (Backend backend = start(host, port, loops)) {
            System.out.println(READY_LINE + backend.uri());
            System.out.flush();
            ChildProcess.awaitStandardInputClosed(); // keep serving until the parent closes our standard input
        } catch (UncheckedIOException e) {
            System.err.println("backend: " + e.getMessage());
            System.exit(1);
        }
    }
}
