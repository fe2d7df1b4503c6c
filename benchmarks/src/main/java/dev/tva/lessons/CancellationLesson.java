package dev.tva.lessons;

import dev.tva.async.NettyGet;
import dev.tva.threads.BlockingGet;
import dev.tva.workloads.Backend;
import dev.tva.workloads.BackendActivity;
import dev.tva.workloads.Model;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/*
 * CANCELLATION: GIVING UP ON A CALL, AND WHAT HAPPENS TO IT.
 *
 * A timeout only decides to stop waiting. Whether the call stops too depends on how it waits:
 *
 *   platformInterrupted   Future.cancel(true) interrupts a platform thread blocked in a socket read,
 *                         and the read ignores it: the thread, the connection and the backend's work
 *                         go on until the answer comes, long after the caller gave up.
 *   platformSocketClosed  closing the socket from the canceller ends the read at once.
 *   virtualInterrupted    Future.cancel(true) on a virtual thread: its socket read is interruptible
 *                         (the JDK closes the socket), so the call ends at once.
 *   eventLoopChannelClosed a loop timer cancels the call's promise, whose listener closes the channel.
 *
 * Then a fan-out of n calls where one fails at once: gather's "first failure". Left alone, the siblings
 * run to the end for an answer nobody will read; cancelled, they end at once, on every model.
 * Measured throughout: calls still in flight (this side), and the backend's open connections and
 * requests in progress (BackendActivity), and how long they take to return to their baseline.
 */

/** {@code lab lesson cancellation}: a timeout on each model, and a fan-out that cancels its siblings at the first failure. */
public final class CancellationLesson implements Lesson<CancellationLesson.Result> {

    @Override
    public String id() {
        return "cancellation";
    }

    @Override
    public Section section() {
        return Section.MASTERY;
    }

    @Override
    public String summary() {
        return "Timeouts on each model (interrupt, Future.cancel, closing a channel) and a fan-out that cancels its siblings at the first failure; in-flight calls and the backend's connections measured back to baseline";
    }

    @Override
    public int expectedSeconds() {
        return 6;
    }

    /** Calls in flight here, and the backend's open connections and requests in progress, at one moment. */
    public record Snapshot(int inFlight, int connections, int inProgress) {
        boolean idle() {
            return inFlight == 0 && connections == 0 && inProgress == 0;
        }
    }

    /** One way of giving up: the state just after, and how long until everything was back to baseline. */
    public record GaveUp(String how, Model model, Snapshot justAfter, long backToBaselineMillis) {
    }

    /** The numbers: each timeout, and each fan-out. */
    public record Result(long slowMillis, List<GaveUp> timeouts, List<GaveUp> fanOuts) implements LessonResult {
        /** The platform thread's interrupt is the one that should not end the call. */
        GaveUp ignoredInterrupt() {
            return timeouts.get(0);
        }

        GaveUp siblingsLeftRunning() {
            return fanOuts.get(0);
        }

        @Override
        public boolean shown() {
            boolean quick = timeouts.subList(1, timeouts.size()).stream().allMatch(g -> g.backToBaselineMillis() < slowMillis / 3)
                    && fanOuts.subList(1, fanOuts.size()).stream().allMatch(g -> g.backToBaselineMillis() < slowMillis / 3);
            return quick && ignoredInterrupt().backToBaselineMillis() >= slowMillis * 7 / 10
                    && siblingsLeftRunning().backToBaselineMillis() >= slowMillis * 7 / 10;
        }

        @Override
        public String notice() {
            long slowestQuick = java.util.stream.Stream.concat(timeouts.stream().skip(1), fanOuts.stream().skip(1))
                    .mapToLong(GaveUp::backToBaselineMillis).max().orElse(0);
            return String.format(Locale.ROOT, "Interrupting a platform thread blocked in a socket read did not end the call: %d call, %d connection and"
                            + " %d backend request were still there after the timeout, and only the answer, %d ms later, cleared them. Closing the"
                            + " socket, interrupting a virtual thread, and closing a Netty channel each brought the in-flight count, the connections and"
                            + " the backend's requests back to zero within %d ms. A fan-out whose siblings were left running held %d calls in flight"
                            + " for %d ms after the first failure, for answers nobody would read; cancelling them at the first failure cleared"
                            + " everything within %d ms on each model.%s",
                    ignoredInterrupt().justAfter().inFlight(), ignoredInterrupt().justAfter().connections(), ignoredInterrupt().justAfter().inProgress(),
                    ignoredInterrupt().backToBaselineMillis(), slowestQuick, siblingsLeftRunning().justAfter().inFlight(),
                    siblingsLeftRunning().backToBaselineMillis(), fanOuts.stream().skip(1).mapToLong(GaveUp::backToBaselineMillis).max().orElse(0),
                    shown() ? "" : " (Not every claim held on this run; see the numbers above.)");
        }
    }

    private final AtomicInteger inFlight = new AtomicInteger();
    private BackendActivity activity;
    private Backend backend;

    @Override
    public Result run(PrintWriter out, LessonSettings settings) throws Exception {
        long slow = settings.pick(2_000, 600);
        long timeout = settings.pick(100, 50);
        int n = settings.pick(10, 4);
        activity = new BackendActivity();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("lesson-loop"), NioIoHandler.newFactory());
        try (Backend server = Backend.start("127.0.0.1", 0, 1, activity)) {
            backend = server;
            URI uri = server.uri();
            NettyGet netty = new NettyGet(group.next(), uri);
            String slowCall = "/delay?ms=" + slow;
            out.printf(Locale.ROOT, "1. A call the backend answers after %d ms, given up after %d ms. Then: in flight here / the backend's open connections / its requests in progress.%n", slow, timeout);
            List<GaveUp> timeouts = new ArrayList<>();
            timeouts.add(onThread(out, "platformInterrupted", Model.PLATFORM, uri, slowCall, timeout, false));
            timeouts.add(onThread(out, "platformSocketClosed", Model.PLATFORM, uri, slowCall, timeout, true));
            timeouts.add(onThread(out, "virtualInterrupted", Model.VIRTUAL, uri, slowCall, timeout, false));
            timeouts.add(onLoop(out, netty, slowCall, timeout));

            out.printf(Locale.ROOT, "%n2. A fan-out of %d calls: %d answered after %d ms, one failing at once (400). Gather's first failure:%n", n, n - 1, slow);
            List<GaveUp> fanOuts = new ArrayList<>();
            fanOuts.add(fanOut(out, Model.VIRTUAL, false, uri, netty, slowCall, n));
            for (Model model : Model.values()) {
                fanOuts.add(fanOut(out, model, true, uri, netty, slowCall, n));
            }
            out.flush();
            return new Result(slow, timeouts, fanOuts);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** A blocking call on a platform or virtual thread, given up on with Future.cancel(true), or by closing its socket too. */
    private GaveUp onThread(PrintWriter out, String how, Model model, URI uri, String path, long timeout, boolean closeSocket) throws Exception {
        ExecutorService executor = model == Model.VIRTUAL ? Executors.newVirtualThreadPerTaskExecutor()
                : Executors.newSingleThreadExecutor(Thread.ofPlatform().name("caller-", 1).factory());
        AtomicReference<BlockingGet> connection = new AtomicReference<>();
        try {
            java.util.concurrent.Future<?> call = executor.submit(() -> blockingCall(uri, path, connection));
            try {
                call.get(timeout, TimeUnit.MILLISECONDS);
            } catch (TimeoutException timedOut) {
                if (closeSocket) {
                    connection.get().close();
                }
                call.cancel(true);
            }
            return report(out, how, model, System.nanoTime());
        } finally {
            executor.shutdown();
        }
    }

    private void blockingCall(URI uri, String path, AtomicReference<BlockingGet> connection) {
        inFlight.incrementAndGet();
        try (BlockingGet call = BlockingGet.open(uri)) {
            connection.set(call);
            call.get(path);
        } catch (IOException ended) {
            // given up on: the socket was closed under the read
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** A Netty call given up on by a loop timer: cancelling its promise closes its channel. */
    private GaveUp onLoop(PrintWriter out, NettyGet netty, String path, long timeout) throws InterruptedException {
        NettyGet.Call call = nettyCall(netty, path);
        EventLoop loop = netty.loop();
        loop.schedule(call::cancel, timeout, TimeUnit.MILLISECONDS);
        call.answer().await();
        return report(out, "eventLoopChannelClosed", Model.EVENT_LOOP, System.nanoTime());
    }

    private NettyGet.Call nettyCall(NettyGet netty, String path) {
        inFlight.incrementAndGet();
        NettyGet.Call call = netty.get(path);
        call.channel().closeFuture().addListener(closed -> inFlight.decrementAndGet());
        return call;
    }

    /**
     * {@code n} calls at once on {@code model}, one failing at once; with {@code cancelSiblings} the first
     * failure cancels the others (closing a platform thread's socket, interrupting a virtual thread,
     * cancelling a Netty promise).
     */
    private GaveUp fanOut(PrintWriter out, Model model, boolean cancelSiblings, URI uri, NettyGet netty, String slowCall, int n)
            throws InterruptedException {
        List<Runnable> cancels = new ArrayList<>();
        CountDownLatch firstFailure = new CountDownLatch(1);
        AtomicBoolean cancelled = new AtomicBoolean();
        Runnable onFailure = () -> {
            firstFailure.countDown();
            if (cancelSiblings && cancelled.compareAndSet(false, true)) {
                synchronized (cancels) {
                    cancels.forEach(Runnable::run);
                }
            }
        };
        ExecutorService executor = switch (model) {
            case PLATFORM -> Executors.newFixedThreadPool(n, Thread.ofPlatform().name("fan-out-", 1).factory());
            case VIRTUAL -> Executors.newVirtualThreadPerTaskExecutor();
            case EVENT_LOOP -> null;
        };
        try {
            for (int i = 0; i < n; i++) {
                String path = i == n - 1 ? "/delay?ms=0&bytes=-1" : slowCall; // the last one is refused at once
                switch (model) {
                    case EVENT_LOOP -> {
                        NettyGet.Call call = nettyCall(netty, path);
                        call.answer().addListener((Future<Long> a) -> {
                            if (!a.isSuccess() && !a.isCancelled()) {
                                onFailure.run();
                            }
                        });
                        synchronized (cancels) {
                            cancels.add(call::cancel);
                        }
                    }
                    case PLATFORM, VIRTUAL -> {
                        AtomicReference<BlockingGet> connection = new AtomicReference<>();
                        java.util.concurrent.Future<?> call = executor.submit(() -> {
                            inFlight.incrementAndGet();
                            try (BlockingGet get = BlockingGet.open(uri)) {
                                connection.set(get);
                                if (cancelled.get()) {
                                    return; // cancelled before its socket was there to close
                                }
                                get.get(path);
                            } catch (IOException failed) {
                                if (!Thread.currentThread().isInterrupted() && !cancelled.get()) {
                                    onFailure.run();
                                }
                            } finally {
                                inFlight.decrementAndGet();
                            }
                        });
                        synchronized (cancels) {
                            // A platform thread's read ignores the interrupt: close its socket too.
                            cancels.add(model == Model.PLATFORM ? () -> close(connection.get(), call) : () -> call.cancel(true));
                        }
                    }
                }
            }
            firstFailure.await();
            return report(out, (cancelSiblings ? "siblingsCancelled" : "siblingsLeftRunning") + " on " + model.id(), model, System.nanoTime());
        } finally {
            if (executor != null) {
                executor.shutdown();
            }
        }
    }

    private static void close(BlockingGet connection, java.util.concurrent.Future<?> call) {
        if (connection != null) {
            connection.close();
        }
        call.cancel(true);
    }

    /** Prints and returns the state 20 ms after giving up, and the time until all is back to zero. */
    private GaveUp report(PrintWriter out, String how, Model model, long gaveUpNanos) throws InterruptedException {
        Thread.sleep(20);
        Snapshot justAfter = snapshot();
        Snapshot now = justAfter;
        while (!now.idle() && System.nanoTime() - gaveUpNanos < TimeUnit.SECONDS.toNanos(30)) {
            Thread.sleep(5);
            now = snapshot();
        }
        long back = (System.nanoTime() - gaveUpNanos) / 1_000_000;
        out.printf(Locale.ROOT, "   %-34s 20 ms after giving up: %d / %d / %d; back to 0 / 0 / 0 after %,d ms%n", how,
                justAfter.inFlight(), justAfter.connections(), justAfter.inProgress(), back);
        out.flush();
        return new GaveUp(how, model, justAfter, back);
    }

    private Snapshot snapshot() {
        return new Snapshot(inFlight.get(), backend.connectionsOpen(), activity.requestsInProgress());
    }
}

/*
 * HOW TO RUN
 *
 *   ./lab lesson cancellation
 *
 * Output: docs/lessons/cancellation.md (filled by docs/lessons/regenerate.sh, with its environment line).
 */
