package dev.tva.lessons;

import dev.tva.engine.ServerProcess;
import dev.tva.threads.BlockingGet;
import dev.tva.workloads.Backend;
import dev.tva.workloads.web.ServerConfig;
import dev.tva.workloads.web.ServerId;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/*
 * LONG-LIVED TASKS: THE ONES THAT RUN IN THE BACKGROUND, AND THE ONES THAT STAY OPEN.
 *
 * 1. A heartbeat every 20 ms, three ways, each stopped as a service stops: a scheduled executor
 *    (shutdownNow), an event-loop timer (cancel, then the loop shuts down), a virtual thread sleeping
 *    in a loop (interrupt, join). Clean means: no tick after the stop, no thread left behind. The
 *    contrast: a virtual thread that swallows InterruptedException never stops.
 *
 * 2. The ChatGPT case: answers streamed chunk by chunk, each connection open for seconds. N clients
 *    hold a /stream open on each server at once; the lab reads the server's memory and threads from
 *    the operating system, and times /hello beside them. A thread-per-request server with a pool of 200
 *    platform threads can stream to 200 clients; the others wait, and so does /hello. Virtual threads
 *    and event loops hold every stream open, for a few kilobytes each. (--streams N sets N.)
 */

/** {@code lab lesson long-lived}: background tasks that stop cleanly, and N open streams on each server. */
public final class LongLivedLesson implements Lesson<LongLivedLesson.Result> {
    private static final long BEAT_MILLIS = 20;
    /** How long the clients wait for their first chunks, and a /hello for its answer. */
    private static final Duration OPEN_WAIT = Duration.ofSeconds(2);
    private static final Duration HELLO_TIMEOUT = Duration.ofSeconds(2);

    @Override
    public String id() {
        return "long-lived";
    }

    @Override
    public Section section() {
        return Section.MASTERY;
    }

    @Override
    public String summary() {
        return "Long-lived tasks: a heartbeat three ways that stops cleanly, and N open /stream clients on each server (memory and threads per stream, /hello p99 beside them)";
    }

    @Override
    public int expectedSeconds() {
        return 20;
    }

    /** One heartbeat: its ticks, how long stopping took, ticks after the stop, and whether its thread outlived it. */
    public record Heartbeat(String how, int ticks, long stopMillis, int ticksAfterStop, boolean threadAlive) {
        boolean clean() {
            return ticksAfterStop == 0 && !threadAlive;
        }
    }

    /** One server holding streams: how many were open, its memory and threads before and with them, and /hello meanwhile. */
    public record Streams(ServerId server, int asked, int open, long rssMbBefore, long rssMbWith, long threadsBefore, long threadsWith,
                          int hellos, long helloP99Micros, int helloFailed) {
        double kbPerStream() {
            return open == 0 ? 0 : (rssMbWith - rssMbBefore) * 1024.0 / open;
        }

        double threadsPerStream() {
            return open == 0 ? 0 : (double) (threadsWith - threadsBefore) / open;
        }
    }

    /** The numbers of both parts. */
    public record Result(List<Heartbeat> heartbeats, long streamMillis, int platformThreads, List<Streams> streams) implements LessonResult {
        @Override
        public boolean shown() {
            boolean cleanStops = heartbeats.subList(0, 3).stream().allMatch(Heartbeat::clean) && !heartbeats.get(3).clean();
            Streams platform = of(ServerId.JDK_PLATFORM);
            boolean platformCapped = platform == null || platform.asked() <= platformThreads || platform.open() <= platformThreads;
            return cleanStops && platformCapped;
        }

        Streams of(ServerId id) {
            return streams.stream().filter(s -> s.server() == id).findFirst().orElse(null);
        }

        @Override
        public String notice() {
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                    "The scheduled executor, the loop timer and the sleeping virtual thread each stopped within %d ms, with %d ticks after the stop and"
                            + " no thread left; the virtual thread that swallowed the interrupt ticked %d more times and was still alive. ",
                    heartbeats.subList(0, 3).stream().mapToLong(Heartbeat::stopMillis).max().orElse(0),
                    heartbeats.subList(0, 3).stream().mapToInt(Heartbeat::ticksAfterStop).sum(), heartbeats.get(3).ticksAfterStop()));
            for (Streams s : streams) {
                text.append(String.format(Locale.ROOT, "%s held %d of %d streams open (%+.0f KB and %+.2f OS threads per stream), /hello p99 %s ms%s. ",
                        s.server().id(), s.open(), s.asked(), s.kbPerStream(), s.threadsPerStream(), CooperativeLesson.ms(s.helloP99Micros()),
                        s.helloFailed() > 0 ? " (" + s.helloFailed() + " of " + s.hellos() + " unanswered within " + HELLO_TIMEOUT.toSeconds() + " s)" : ""));
            }
            Streams platform = of(ServerId.JDK_PLATFORM);
            if (platform != null && platform.open() < platform.asked()) {
                text.append(String.format(Locale.ROOT, "A platform thread per stream capped jdk-platform (%d threads) at %d open streams: the rest, and"
                        + " /hello, queued behind %d-second answers.", platformThreads, platform.open(), streamMillis / 1000));
            }
            return text.toString().trim();
        }
    }

    @Override
    public Result run(PrintWriter out, LessonSettings settings) throws Exception {
        long runMillis = settings.pick(300, 120);
        out.printf(Locale.ROOT, "1. A heartbeat every %d ms for %d ms, then the service stops it.%n", BEAT_MILLIS, runMillis);
        List<Heartbeat> beats = List.of(scheduledExecutor(runMillis), loopTimer(runMillis), virtualSleeper(runMillis, true),
                virtualSleeper(runMillis, false));
        for (Heartbeat b : beats) {
            out.printf(Locale.ROOT, "   %-40s %3d ticks; %s %4d ms; %d ticks after the stop; its thread %s%n", b.how(), b.ticks(),
                    b.threadAlive() ? "stop gave up after" : "stopped in        ", b.stopMillis(), b.ticksAfterStop(), b.threadAlive() ? "STILL ALIVE" : "gone");
        }
        int chunks = settings.pick(50, 25);
        int platformThreads = settings.pick(ServerConfig.DEFAULT_THREADS, 20);
        long chunkMillis = 100;
        out.printf(Locale.ROOT, "%n2. %d clients each hold GET /stream?chunks=%d&ms=%d open (%d s) on each server, each server in its own JVM"
                + " (jdk-platform with %d threads).%n", settings.streams(), chunks, chunkMillis, chunks * chunkMillis / 1000, platformThreads);
        out.printf(Locale.ROOT, "   Memory and OS threads of the server's process, before and with the streams open; meanwhile %d GET /hello at once,"
                + " given up after %d s.%n", settings.pick(20, 10), HELLO_TIMEOUT.toSeconds());
        out.flush();
        List<Streams> streams = new ArrayList<>();
        try (Backend backend = Backend.start("127.0.0.1", 0, 1)) {
            for (ServerId id : ServerId.values()) {
                Streams s = streams(id, backend.uri(), platformThreads, settings.streams(), "/stream?chunks=" + chunks + "&ms=" + chunkMillis,
                        settings.pick(20, 10));
                streams.add(s);
                out.printf(Locale.ROOT, "   %-13s %5d of %d open; RSS %4d -> %4d MB (%+5.0f KB per stream); OS threads %4d -> %4d (%+.2f per stream); /hello p99 %s ms%s%n",
                        id.id(), s.open(), s.asked(), s.rssMbBefore(), s.rssMbWith(), s.kbPerStream(), s.threadsBefore(), s.threadsWith(),
                        s.threadsPerStream(), CooperativeLesson.ms(s.helloP99Micros()), s.helloFailed() > 0 ? ", " + s.helloFailed() + " of " + s.hellos() + " unanswered" : "");
                out.flush();
            }
        }
        return new Result(beats, chunks * chunkMillis, platformThreads, streams);
    }

    /** A scheduled executor's fixed-rate task; the stop is shutdownNow(). */
    private static Heartbeat scheduledExecutor(long runMillis) throws InterruptedException {
        AtomicInteger ticks = new AtomicInteger();
        AtomicReference<Thread> thread = new AtomicReference<>();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("heartbeat").factory());
        scheduler.scheduleAtFixedRate(() -> tick(ticks, thread), 0, BEAT_MILLIS, TimeUnit.MILLISECONDS);
        Thread.sleep(runMillis);
        long stop = System.nanoTime();
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
        return stopped("scheduledExecutor (shutdownNow)", ticks, thread, stop);
    }

    /** A timer on an event loop; the stop is cancelling it and shutting the loop down. */
    private static Heartbeat loopTimer(long runMillis) throws InterruptedException {
        AtomicInteger ticks = new AtomicInteger();
        AtomicReference<Thread> thread = new AtomicReference<>();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("heartbeat-loop"), NioIoHandler.newFactory());
        var timer = group.next().scheduleAtFixedRate(() -> tick(ticks, thread), 0, BEAT_MILLIS, TimeUnit.MILLISECONDS);
        Thread.sleep(runMillis);
        long stop = System.nanoTime();
        timer.cancel(false);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        return stopped("loopTimer (cancel, shutdownGracefully)", ticks, thread, stop);
    }

    /** A virtual thread that sleeps in a loop; the stop is interrupt() and join(). Unless it swallows the interrupt. */
    private static Heartbeat virtualSleeper(long runMillis, boolean honoursInterrupt) throws InterruptedException {
        AtomicInteger ticks = new AtomicInteger();
        AtomicReference<Thread> thread = new AtomicReference<>();
        AtomicInteger forcedStop = new AtomicInteger();
        Thread sleeper = Thread.ofVirtual().name("heartbeat-virtual").start(() -> {
            while (forcedStop.get() == 0) {
                tick(ticks, thread);
                try {
                    Thread.sleep(BEAT_MILLIS);
                } catch (InterruptedException e) {
                    if (honoursInterrupt) {
                        return; // the stop asked for: leave the loop
                    }
                    // the bug: swallowed, and the loop goes on
                }
            }
        });
        Thread.sleep(runMillis);
        long stop = System.nanoTime();
        sleeper.interrupt();
        sleeper.join(Duration.ofSeconds(1));
        Heartbeat beat = stopped(honoursInterrupt ? "virtualSleeper (interrupt, join)" : "virtualSleeperSwallowingInterrupt", ticks, thread, stop);
        forcedStop.set(1); // the lab ends the runaway one so that it does not outlive the lesson
        sleeper.join();
        return beat;
    }

    private static void tick(AtomicInteger ticks, AtomicReference<Thread> thread) {
        ticks.incrementAndGet();
        thread.set(Thread.currentThread());
    }

    private static Heartbeat stopped(String how, AtomicInteger ticks, AtomicReference<Thread> thread, long stopNanos) throws InterruptedException {
        long stopMillis = (System.nanoTime() - stopNanos) / 1_000_000;
        int atStop = ticks.get();
        Thread.sleep(5 * BEAT_MILLIS);
        return new Heartbeat(how, atStop, stopMillis, ticks.get() - atStop, thread.get().isAlive());
    }

    /** Starts the server, holds {@code n} streams open on it, and measures it meanwhile. */
    private static Streams streams(ServerId id, URI backend, int platformThreads, int n, String stream, int hellos) throws Exception {
        List<String> flags = new ArrayList<>(List.of("--backend", backend.toString()));
        if (id == ServerId.JDK_PLATFORM) {
            flags.addAll(List.of("--threads", Integer.toString(platformThreads)));
        }
        try (ServerProcess server = ServerProcess.start(id, flags);
             ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            URI uri = URI.create("http://127.0.0.1:" + server.port());
            hello(uri, 20, 2, new Histogram(3)); // warm-up (a few: a fixed pool starts a thread per task until it is full)
            long rssBefore = server.rssMb();
            long threadsBefore = server.threads();
            CountDownLatch firstChunks = new CountDownLatch(n);
            List<Socket> sockets = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < n; i++) {
                clients.execute(() -> holdStream(uri, stream, sockets, firstChunks));
            }
            firstChunks.await(OPEN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            int open = (int) (n - firstChunks.getCount());
            long rssWith = server.rssMb();
            long threadsWith = server.threads();
            Histogram hello = new Histogram(3);
            int failed = hello(uri, hellos, hellos, hello);
            synchronized (sockets) {
                sockets.forEach(LongLivedLesson::close);
            }
            clients.shutdownNow();
            return new Streams(id, n, open, rssBefore, rssWith, threadsBefore, threadsWith, hellos, hello.getValueAtPercentile(99), failed);
        }
    }

    /** Opens a /stream, counts it open at its first chunk, and reads until it ends or the lab closes it. */
    private static void holdStream(URI uri, String stream, List<Socket> sockets, CountDownLatch firstChunk) {
        try (Socket socket = new Socket()) {
            sockets.add(socket);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
            socket.getOutputStream().write(("GET " + stream + " HTTP/1.1\r\nHost: lab\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            StringBuilder head = new StringBuilder();
            boolean counted = false;
            for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                if (!counted) {
                    head.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
                    int end = head.indexOf("\r\n\r\n");
                    if (end >= 0 && head.length() > end + 4) { // the head and the first chunk are in
                        firstChunk.countDown();
                        counted = true;
                    }
                }
            }
        } catch (IOException closed) {
            // the lab closed it, or the server ended it
        }
    }

    /**
     * {@code requests} GET /hello from {@code parallel} virtual threads, each on a new connection; one that gets no
     * answer within {@link #HELLO_TIMEOUT} counts as failed and is recorded at the time it was given up. Returns the failed.
     */
    private static int hello(URI uri, int requests, int parallel, Histogram micros) throws InterruptedException {
        AtomicInteger failed = new AtomicInteger();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int p = 0; p < parallel; p++) {
                callers.execute(() -> {
                    for (int i = 0; i < requests / parallel; i++) {
                        long start = System.nanoTime();
                        try (BlockingGet get = BlockingGet.open(uri, HELLO_TIMEOUT)) {
                            get.get("/hello");
                        } catch (IOException e) {
                            failed.incrementAndGet();
                        }
                        synchronized (micros) {
                            micros.recordValue((System.nanoTime() - start) / 1000);
                        }
                    }
                });
            }
        }
        return failed.get();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }
}

/*
 * HOW TO RUN
 *
 *   ./lab lesson long-lived                 500 streams per server
 *   ./lab lesson long-lived --streams 2000  more (each stream is a connection: mind the open-file limit, ulimit -n)
 *
 * Output: docs/lessons/long-lived.md (filled by docs/lessons/regenerate.sh, with its environment line).
 */
