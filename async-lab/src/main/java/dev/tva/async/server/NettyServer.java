package dev.tva.async.server;

import dev.tva.async.AsyncWorkloads;
import dev.tva.workloads.web.FileBudget;
import dev.tva.workloads.web.LabServer;
import dev.tva.workloads.web.RequestSlots;
import dev.tva.workloads.web.ServerConfig;
import dev.tva.workloads.web.ServerId;
import dev.tva.workloads.web.ServerLimits;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@code netty} lab server: {@link ServerConfig#loops()} event loops ({@code netty-loop-P-N} threads)
 * serve every connection with non-blocking code; the one blocking call, JDBC, runs on a bounded pool of
 * {@link ServerConfig#offloadThreads()} {@code netty-offload-N} threads.
 *
 * <p>The {@link ServerLimits} are set explicitly: request line, headers and idle timeout in
 * {@link NettyServerInitializer}, the body in {@link LabHttpHandler}; connections and requests in progress
 * from the {@link FileBudget} ({@link NettyServerInitializer}, {@link InFlightRequests}). New connections are
 * closed at once while a loop is late ({@link AcceptGate}), except with {@code --block-event-loop}.
 */
public final class NettyServer implements LabServer {
    /** How long {@link #close} lets requests in progress finish. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

    private final ServerConfig config;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ExecutorService offload;
    private final Map<EventLoop, AsyncWorkloads> perLoop;
    private final BlockingOnEventLoop blockingOnLoop;
    private final InFlightRequests inFlight;
    private final Channel serverChannel;
    private final AcceptGate acceptGate;
    private final AtomicBoolean closed = new AtomicBoolean();

    private NettyServer(ServerConfig config, EventLoopGroup boss, EventLoopGroup workers, ExecutorService offload,
                        Map<EventLoop, AsyncWorkloads> perLoop, BlockingOnEventLoop blockingOnLoop,
                        InFlightRequests inFlight, Channel serverChannel, AcceptGate acceptGate) {
        this.config = config;
        this.boss = boss;
        this.workers = workers;
        this.offload = offload;
        this.perLoop = perLoop;
        this.blockingOnLoop = blockingOnLoop;
        this.inFlight = inFlight;
        this.serverChannel = serverChannel;
        this.acceptGate = acceptGate;
    }

    /**
     * Starts the server on {@code config.host():config.port()} and returns once it accepts connections.
     *
     * @throws IllegalStateException with one line saying why, e.g. the port is taken
     */
    public static NettyServer start(ServerConfig config) {
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("netty-boss"), NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(
                config.loops(), new DefaultThreadFactory("netty-loop"), NioIoHandler.newFactory());
        // Bounded in threads; its queue is bounded by the limit on requests in progress.
        ExecutorService offload = Executors.newFixedThreadPool(
                config.offloadThreads(), Thread.ofPlatform().name("netty-offload-", 1).factory());
        // One set of workloads per loop: a connection's backend calls go out and come back on its own loop.
        Map<EventLoop, AsyncWorkloads> workloads = new IdentityHashMap<>();
        for (EventExecutor loop : workers) {
            workloads.put((EventLoop) loop, new AsyncWorkloads((EventLoop) loop, config.backend(), config.client(),
                    ServerLimits.BACKEND_TIMEOUT, config.database(), offload));
        }
        Map<EventLoop, AsyncWorkloads> perLoop = Collections.unmodifiableMap(workloads);
        BlockingOnEventLoop blockingOnLoop = config.blockEventLoop() ? new BlockingOnEventLoop(config.backend()) : null;
        FileBudget budget = FileBudget.current();
        InFlightRequests inFlight = new InFlightRequests(RequestSlots.of(budget));
        // --block-event-loop shows what a blocked loop does to every connection: no gate hides it.
        AcceptGate gate = config.blockEventLoop() ? null : new AcceptGate(workers);
        Runnable clientLeft = gate == null ? () -> { } : gate::clientLeft;
        try {
            // Configure the server.
            ServerBootstrap b = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 16_384)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new NettyServerInitializer(perLoop::get, inFlight, blockingOnLoop, budget.connections(), clientLeft));
            // Start the server; a failed accept is one line, after Netty's acceptor (bound: it is in the pipeline).
            Channel channel = b.bind(config.host(), config.port()).sync().channel();
            channel.pipeline().addLast(new AcceptFailures());
            if (gate != null) {
                gate.open(channel);
            }
            return new NettyServer(config, boss, workers, offload, perLoop, blockingOnLoop, inFlight, channel, gate);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(boss, workers, offload, perLoop, blockingOnLoop);
            throw new IllegalStateException("interrupted while starting the netty server", e);
        } catch (Exception e) { // also the checked BindException, which sync() rethrows undeclared
            release(boss, workers, offload, perLoop, blockingOnLoop);
            throw new IllegalStateException("cannot start the netty server on " + config.host() + ":" + config.port()
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ServerId id() {
        return ServerId.NETTY;
    }

    @Override
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    @Override
    public String describe() {
        String loops = config.loops() + (config.loops() == 1 ? " event loop" : " event loops");
        return config.blockEventLoop()
                ? "Netty 4.2, " + loops + ", /sleep and /io blocking ON the " + (config.loops() == 1 ? "loop" : "loops")
                        + " (--block-event-loop)"
                : "Netty 4.2, " + loops + ", blocking work offloaded to " + config.offloadThreads() + " threads";
    }

    /**
     * Stops accepting, lets requests in progress finish for {@link #DRAIN_TIMEOUT} at most (answering
     * them with {@code Connection: close}), then closes every connection and stops the threads.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (acceptGate != null) {
            acceptGate.close();
        }
        serverChannel.close().syncUninterruptibly();
        // Wait here rather than in shutdownGracefully: a loop that shuts down cancels its timers, and a
        // /sleep or /stream in progress is a timer.
        try {
            inFlight.drain(DRAIN_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        release(boss, workers, offload, perLoop, blockingOnLoop);
    }

    private static void release(EventLoopGroup boss, EventLoopGroup workers, ExecutorService offload,
                                Map<EventLoop, AsyncWorkloads> perLoop, BlockingOnEventLoop blockingOnLoop) {
        perLoop.values().forEach(AsyncWorkloads::close);
        if (blockingOnLoop != null) {
            blockingOnLoop.close();
        }
        offload.shutdownNow();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(100, 2_000, TimeUnit.MILLISECONDS).syncUninterruptibly();
        boss.terminationFuture().syncUninterruptibly();
    }
}
