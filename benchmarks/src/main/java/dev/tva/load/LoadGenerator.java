package dev.tva.load;

import dev.tva.workloads.Environment;
import dev.tva.workloads.LatencySummary;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * An HTTP load generator with wrk2's semantics: requests arrive at a fixed rate whether or not the server
 * keeps up (open model), and each latency counts from the time its request was due, so a stall is
 * charged to every request that should have been sent during it. A closed model is there to contrast.
 *
 * <p>Non-blocking: a few Netty event loops ({@link LoadSettings#loops()}) pace the requests from one shared
 * schedule (each sends those due when it ticks) and own their keep-alive HTTP/1.1 connections (one request at a time on each, no pipelining), on
 * native epoll where the machine can load it ({@link Transport}).
 * {@link #run} blocks the caller until the run ends, at most warm-up + duration + timeout later; the
 * caller may stop it sooner, e.g. once the figures of its seconds have settled.
 */
public final class LoadGenerator {
    private static final long SECOND_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Connections are opened before the clock starts; the clock starts this much after, on every loop at once. */
    private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private LoadGenerator() {
    }

    /**
     * Tries one TCP connection to the URL's host and port, so a wrong URL is reported before a run
     * rather than as thousands of errors.
     *
     * @throws IOException saying why the connection failed (refused, unknown host, timed out)
     */
    public static void checkReachable(URI uri, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        }
    }

    /**
     * Runs the load and returns its result. {@code progress} is called on the calling thread about once
     * a second while the run lasts (the caller decides whether to show it).
     */
    public static LoadResult run(LoadSettings settings, Consumer<Progress> progress) {
        return run(settings, progress, p -> false);
    }

    /**
     * Runs the load as {@link #run(LoadSettings, Consumer)} does, except that after each report
     * {@code stop} is asked (on the calling thread, after {@code progress}), and true ends the run there:
     * no request is due after it, and the run returns once the requests in flight have ended. The result
     * counts what was due until then.
     */
    public static LoadResult run(LoadSettings settings, Consumer<Progress> progress, Predicate<Progress> stop) {
        return run(settings, progress, stop, group -> { });
    }

    /** As {@link #run(LoadSettings, Consumer, Predicate)}, handing {@code started} the event loops once the clock is set (for tests). */
    static LoadResult run(LoadSettings settings, Consumer<Progress> progress, Predicate<Progress> stop, Consumer<EventLoopGroup> started) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(progress, "progress (pass p -> { } to ignore it)");
        Objects.requireNonNull(stop, "stop (pass p -> false to run the whole duration)");
        int loops = settings.effectiveLoops();
        Tally tally = new Tally();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(loops, new DefaultThreadFactory("load"),
                settings.transport().ioHandlerFactory());
        List<Driver> drivers = new ArrayList<>();
        GeneratorWatch watch = null;
        long generatorCpuMillis = -1;
        long generatorPauseMillis = -1;
        long generatorWaitMillis = -1;
        Double hostStealPercent = null;
        Double kernelMonitorPercent = null;
        try {
            // Split the connections evenly between the loops; the open model's requests go to whichever loop takes them first.
            Iterator<EventExecutor> executors = group.iterator();
            AtomicLong schedule = new AtomicLong();
            for (int i = 0; i < loops; i++) {
                EventLoop loop = (EventLoop) executors.next();
                int share = settings.connections() / loops + (i < settings.connections() % loops ? 1 : 0);
                drivers.add(switch (settings.model()) {
                    case OPEN -> new OpenDriver(loop, settings, tally, share, schedule);
                    case CLOSED -> new ClosedDriver(loop, settings, tally, share);
                });
            }
            // Open the first connections (the closed model: all of them) before the clock starts.
            List<CompletableFuture<Void>> primed = new ArrayList<>();
            for (Driver d : drivers) {
                primed.add(d.prime(settings.model() == LoadModel.OPEN ? 1 : d.maxConnections));
            }
            await(CompletableFuture.allOf(primed.toArray(CompletableFuture[]::new)), Math.min(settings.timeout().toNanos(), 10 * SECOND_NANOS));

            watch = GeneratorWatch.start();
            long start = System.nanoTime() + START_DELAY_NANOS;
            for (Driver d : drivers) {
                d.start(start);
            }
            started.accept(group);
            waitForEnd(settings, drivers, tally, start, progress, stop, watch);
            if (watch.marked()) {
                // Read while the event loops are alive: a thread that has ended takes its run-queue time with it.
                generatorCpuMillis = watch.cpuMillis();
                generatorWaitMillis = watch.cpuWaitMillis();
                generatorPauseMillis = watch.longestGcPauseMillis();
                hostStealPercent = watch.hostStealPercent();
                kernelMonitorPercent = watch.kernelMonitorPercent();
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
            drivers.forEach(Driver::release);
            if (watch != null) {
                watch.close();
            }
        }
        // The loops have stopped: their histograms and counters are final and visible here.
        Histogram merged = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
        long lastEnd = 0;
        long unresolved = 0;
        long measureFrom = 0;
        long end = 0;
        for (Driver d : drivers) {
            merged.add(d.measured.latencyMicros);
            lastEnd = Math.max(lastEnd, d.measured.lastEndNanos);
            unresolved += d.measured.outstanding;
            measureFrom = d.measureFromNanos;
            end = d.endNanos;
        }
        long measuredNanos = Math.max(end, lastEnd) - measureFrom;
        return LoadResult.of(settings, tally, LatencySummary.of(merged), measuredNanos, loops, unresolved, Environment.current())
                .withGenerator(generatorCpuMillis, generatorWaitMillis, generatorPauseMillis, hostStealPercent, kernelMonitorPercent);
    }

    /**
     * Waits for every loop to finish, reporting progress each second and ending the run early when
     * {@code stop} says so; gives up a little after the last deadline. Marks {@code watch} when the measured
     * part begins, so this JVM's own CPU and GC pauses are counted from there.
     */
    private static void waitForEnd(LoadSettings settings, List<Driver> drivers, Tally tally, long start,
                                   Consumer<Progress> progress, Predicate<Progress> stop, GeneratorWatch watch) {
        CompletableFuture<Void> all = CompletableFuture.allOf(drivers.stream().map(d -> d.done).toArray(CompletableFuture[]::new));
        long warmupNanos = settings.warmup().toNanos();
        long totalNanos = warmupNanos + settings.duration().toNanos();
        long afterEnd = settings.timeout().toNanos() + Driver.SWEEP_NANOS + 2 * SECOND_NANOS;
        long giveUp = start + totalNanos + afterEnd;
        long measureFrom = start + warmupNanos;
        boolean marked = false;
        boolean stopped = false;
        long nextReport = start + SECOND_NANOS;
        long answersBefore = 0;
        long reportedAt = start;
        while (true) {
            long now = System.nanoTime();
            long wake = Math.min(nextReport, giveUp);
            if (!marked) {
                wake = Math.min(wake, measureFrom);
            }
            if (now >= giveUp || await(all, wake - now)) {
                return;
            }
            now = System.nanoTime();
            if (!marked && now >= measureFrom) {
                marked = true;
                watch.mark();
            }
            if (now >= nextReport) {
                long answers = tally.answers.sum();
                Progress p = new Progress((now - start) / 1_000_000, totalNanos / 1_000_000, now - start < warmupNanos,
                        tally.sent.sum(), tally.completed.sum(), tally.errors(), tally.timeouts.sum(), tally.late(),
                        (answers - answersBefore) * 1e9 / (now - reportedAt), answers, tally.takeInterval());
                progress.accept(p);
                if (!stopped && now - start < totalNanos && stop.test(p)) {
                    stopped = true;
                    long end = System.nanoTime();
                    for (Driver d : drivers) {
                        d.endAt(end);
                    }
                    giveUp = end + afterEnd;
                }
                answersBefore = answers;
                reportedAt = now;
                nextReport += SECOND_NANOS;
            }
        }
    }

    /** Waits up to {@code nanos} for {@code future}; true if it completed. */
    private static boolean await(CompletableFuture<?> future, long nanos) {
        try {
            future.get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a load loop failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the load run", e);
        }
    }
}
