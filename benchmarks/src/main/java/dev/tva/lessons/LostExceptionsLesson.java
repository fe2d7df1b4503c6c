package dev.tva.lessons;

import dev.tva.async.UnencodableWrite;
import dev.tva.workloads.Backend;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/*
 * BUG 3: EXCEPTIONS NOBODY SEES.
 *
 * A failure in asynchronous code is a value kept in a future (or handed to a thread's handler), not
 * an exception thrown at the caller. If nobody looks, it is gone: no stack trace, no log line, and the
 * program goes on as if the work had succeeded. Three places it happens, each failing on purpose:
 *
 *   a CompletableFuture       runAsync(...) throws; nobody joins it or attaches whenComplete.
 *   a virtual thread          submit(...) to a virtual-thread executor throws; nobody calls get(). Even
 *                             the thread's uncaught-exception handler never hears of it: the Future
 *                             caught it. (A thread started bare would reach the handler, whose default
 *                             only prints to System.err, where the caller never looks.)
 *   a Netty future            a write fails; nobody added a listener (UnencodableWrite).
 *
 * In each case the lab counts what the program heard (its handlers and listeners), then looks at the
 * futures itself, afterwards, to prove they had failed. The fix for each: observe the future.
 */

/** {@code lab lesson lost-exceptions}: failures in a CompletableFuture, a virtual thread and a Netty future, unobserved then observed. */
public final class LostExceptionsLesson implements Lesson<LostExceptionsLesson.Result> {

    @Override
    public String id() {
        return "lost-exceptions";
    }

    @Override
    public Section section() {
        return Section.MASTERY;
    }

    @Override
    public String summary() {
        return "Bug 3, lost exceptions: failures in a CompletableFuture, a virtual thread and a Netty future, unobserved then observed";
    }

    @Override
    public int expectedSeconds() {
        return 2;
    }

    /** One place: how many failed, how many the program heard of unobserved, how many had failed when the lab looked, how many it heard of observed. */
    public record Case(String where, int failures, int heardUnobserved, int failedWhenLooked, int heardObserved) {
        boolean shown() {
            return heardUnobserved == 0 && failedWhenLooked == failures && heardObserved == failures;
        }
    }

    /** The three places. */
    public record Result(Case completableFuture, Case virtualThread, Case nettyFuture) implements LessonResult {
        @Override
        public boolean shown() {
            return completableFuture.shown() && virtualThread.shown() && nettyFuture.shown();
        }

        @Override
        public String notice() {
            return String.format(Locale.ROOT, "Without the fix the program heard %d, %d and %d of the %d failures in a CompletableFuture, a virtual thread's"
                            + " Future and a Netty future, though %d, %d and %d had failed when the lab looked afterwards; with the fix it heard %d, %d and %d. %s",
                    completableFuture.heardUnobserved(), virtualThread.heardUnobserved(), nettyFuture.heardUnobserved(), completableFuture.failures(),
                    completableFuture.failedWhenLooked(), virtualThread.failedWhenLooked(), nettyFuture.failedWhenLooked(),
                    completableFuture.heardObserved(), virtualThread.heardObserved(), nettyFuture.heardObserved(),
                    shown() ? "An asynchronous failure is a value in a future: unobserved, it is lost without a trace, so observe every future you start."
                            : "Not every case showed the loss cleanly on this run; see the numbers above.");
        }
    }

    @Override
    public Result run(PrintWriter out, LessonSettings settings) throws Exception {
        int n = settings.pick(5, 3);
        out.printf(Locale.ROOT, "%d payments each fail on purpose (\"card declined\"), in three places. 'heard' = reached a handler or listener of the program.%n%n", n);
        Case future = completableFuture(n);
        print(out, future, "nothing attached", "whenComplete((r, e) -> report(e))");
        Case virtual = virtualThread(n);
        print(out, virtual, "submit(), no get()", "get() on each Future");
        Case netty = nettyFuture(n);
        print(out, netty, "writeAndFlush(), no listener", "addListener(report on failure)");
        out.flush();
        return new Result(future, virtual, netty);
    }

    private static void print(PrintWriter out, Case c, String bug, String fix) {
        out.printf(Locale.ROOT, "  %-18s unobserved (%s): heard %d of %d; the lab looked afterwards: %d failed%n", c.where(), bug,
                c.heardUnobserved(), c.failures(), c.failedWhenLooked());
        out.printf(Locale.ROOT, "  %-18s observed   (%s): heard %d of %d%n", "", fix, c.heardObserved(), c.failures());
    }

    private static void pay() {
        throw new IllegalStateException("card declined");
    }

    /** runAsync throws; unobserved nothing is attached, observed whenComplete reports. */
    private static Case completableFuture(int n) throws InterruptedException {
        AtomicInteger heard = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("payments-", 1)
                .uncaughtExceptionHandler((t, e) -> heard.incrementAndGet()).factory());
        try {
            List<CompletableFuture<Void>> unobserved = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                unobserved.add(CompletableFuture.runAsync(LostExceptionsLesson::pay, pool));
            }
            settle(List.copyOf(unobserved));
            int heardUnobserved = heard.getAndSet(0);
            int failed = (int) unobserved.stream().filter(CompletableFuture::isCompletedExceptionally).count();
            List<CompletableFuture<Void>> observed = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                observed.add(CompletableFuture.runAsync(LostExceptionsLesson::pay, pool).whenComplete((r, e) -> {
                    if (e != null) {
                        heard.incrementAndGet();
                    }
                }));
            }
            settle(List.copyOf(observed));
            return new Case("CompletableFuture", n, heardUnobserved, failed, heard.get());
        } finally {
            pool.shutdownNow();
        }
    }

    /** A virtual-thread executor whose threads have an uncaught-exception handler; unobserved nobody calls get(). */
    private static Case virtualThread(int n) throws InterruptedException {
        AtomicInteger heard = new AtomicInteger();
        try (ExecutorService perTask = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("payment-", 1)
                .uncaughtExceptionHandler((t, e) -> heard.incrementAndGet()).factory())) {
            List<Future<?>> unobserved = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                unobserved.add(perTask.submit(LostExceptionsLesson::pay));
            }
            settle(unobserved);
            int heardUnobserved = heard.getAndSet(0);
            int failed = (int) unobserved.stream().filter(f -> f.state() == Future.State.FAILED).count();
            for (int i = 0; i < n; i++) {
                try {
                    perTask.submit(LostExceptionsLesson::pay).get();
                } catch (ExecutionException e) {
                    heard.incrementAndGet(); // get() rethrows what the task threw
                }
            }
            return new Case("virtual thread", n, heardUnobserved, failed, heard.get());
        }
    }

    /** Writes a String through an HTTP codec; unobserved nobody listens to the write's future. */
    private static Case nettyFuture(int n) throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("lesson-loop"), NioIoHandler.newFactory());
        AtomicInteger heard = new AtomicInteger();
        try (Backend backend = Backend.start("127.0.0.1", 0, 1);
             UnencodableWrite connection = UnencodableWrite.connect(group.next(), backend.uri(), cause -> heard.incrementAndGet())) {
            String request = "GET /delay?ms=1 HTTP/1.1\r\nHost: backend\r\n\r\n";
            List<ChannelFuture> unobserved = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                unobserved.add(connection.sendWithoutListener(request));
            }
            for (ChannelFuture f : unobserved) {
                f.await(5, TimeUnit.SECONDS);
            }
            Thread.sleep(50); // anything the pipeline heard would have reached it by now
            int heardUnobserved = heard.getAndSet(0);
            int failed = (int) unobserved.stream().filter(f -> f.isDone() && !f.isSuccess()).count();
            List<ChannelFuture> observed = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                observed.add(connection.sendWithListener(request, cause -> heard.incrementAndGet()));
            }
            for (ChannelFuture f : observed) {
                f.await(5, TimeUnit.SECONDS);
            }
            Thread.sleep(50); // listeners run on the loop, just after the future completes
            return new Case("Netty future", n, heardUnobserved, failed, heard.get());
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Waits until every future is done, without looking at how, then a moment for handlers to run. */
    private static void settle(List<? extends Future<?>> futures) throws InterruptedException {
        for (Future<?> f : futures) {
            while (!f.isDone()) {
                Thread.sleep(1);
            }
        }
        Thread.sleep(50);
    }
}

/*
 * HOW TO RUN
 *
 *   ./lab lesson lost-exceptions
 *
 * Output: docs/lessons/lost-exceptions.md (filled by docs/lessons/regenerate.sh, with its environment line).
 */
