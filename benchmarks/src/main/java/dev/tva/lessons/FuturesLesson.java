package dev.tva.lessons;

import dev.tva.async.NettyGet;
import dev.tva.threads.BlockingGet;
import dev.tva.workloads.Backend;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/*
 * WHAT "AWAIT" IS, IN JAVA.
 *
 * Three backend calls, each needing the answer of the one before (an order, then its stock, then its
 * price), written three ways:
 *
 *   blockingOnAVirtualThread      reads top to bottom. Each read blocks, and blocking a virtual thread
 *                                 parks it: its stack is saved (a continuation), its carrier goes on
 *                                 with other work, and it resumes, maybe on another carrier, when the
 *                                 answer is in. The caller gets nothing back until the last answer.
 *   completableFutureComposition  sendAsync returns at once; thenCompose registers what to do next.
 *                                 Each step runs on whichever thread completed the step before.
 *   nettyPromises                 the same with Netty's own futures: listeners, all on one event loop.
 *
 * Await is one of two things: a parked continuation, or a callback registered for later. The calls
 * depend on each other, so all three take the sum of the waits; only independent calls overlap.
 */

/** {@code lab lesson futures}: three dependent calls as blocking code, CompletableFuture and Netty promises. */
public final class FuturesLesson implements Lesson<FuturesLesson.Result> {
    private static final String[] CALLS = {"order", "stock", "price"};
    private static final long[] WAITS = {40, 30, 20};

    @Override
    public String id() {
        return "futures";
    }

    @Override
    public Section section() {
        return Section.ASYNC;
    }

    @Override
    public String summary() {
        return "What \"await\" is in Java: three dependent calls as blocking code on a virtual thread, CompletableFuture and Netty promises, with the threads that ran each step";
    }

    @Override
    public int expectedSeconds() {
        return 3;
    }

    /** What await is in a way of writing it. */
    public enum Await { PARKED_CONTINUATION, CALLBACK }

    /** One call: who sent it, who ran the code after its answer, and when (from the start of the chain). */
    public record Step(String call, String sentBy, String continuedOn, long sentMicros, long answeredMicros) {
    }

    /** One way of writing the chain, and what it showed. */
    public record Way(String name, Await await, long callerBackMicros, long totalMicros, List<Step> steps) {
    }

    /** The numbers of the three ways, and the calling virtual thread's state seen during a wait. */
    public record Result(long waitsMillis, Way blocking, Way completableFuture, Way netty, Thread.State parkedState) implements LessonResult {
        @Override
        public boolean shown() {
            return blocking.callerBackMicros() >= waitsMillis * 900 && parkedState == Thread.State.WAITING
                    && completableFuture.callerBackMicros() < WAITS[0] * 500 && netty.callerBackMicros() < WAITS[0] * 500;
        }

        @Override
        public String notice() {
            return String.format(Locale.ROOT, "Blocking on a virtual thread: the caller got nothing back until the last answer (%s ms); during a wait its"
                            + " virtual thread was %s: a parked continuation, resumed on carriers %s. CompletableFuture: the caller had its future"
                            + " back after %s ms, and each next step ran on the thread that completed the answer before it (%s). Netty promises:"
                            + " back after %s ms, every step a listener on %s. All three took about the sum of the waits (%d ms: %s, %s, %s ms):"
                            + " the calls depend on each other, so no model overlaps them.%s",
                    CooperativeLesson.ms(blocking.callerBackMicros()), parkedState, carriers(blocking), CooperativeLesson.ms(completableFuture.callerBackMicros()),
                    threads(completableFuture), CooperativeLesson.ms(netty.callerBackMicros()), threads(netty), waitsMillis,
                    CooperativeLesson.ms(blocking.totalMicros()), CooperativeLesson.ms(completableFuture.totalMicros()), CooperativeLesson.ms(netty.totalMicros()),
                    shown() ? "" : " (Not every claim held on this run; see the numbers above.)");
        }

        private static String threads(Way way) {
            return String.join(", ", way.steps().stream().map(Step::continuedOn).distinct().toList());
        }

        private static String carriers(Way way) {
            return String.join(", ", way.steps().stream().flatMap(s -> java.util.stream.Stream.of(s.sentBy(), s.continuedOn()))
                    .map(FuturesLesson::carrierOf).distinct().toList());
        }
    }

    @Override
    public Result run(PrintWriter out, LessonSettings settings) throws Exception {
        long waits = WAITS[0] + WAITS[1] + WAITS[2];
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("lesson-loop"), NioIoHandler.newFactory());
        try (Backend backend = Backend.start("127.0.0.1", 0, 1);
             HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            URI uri = backend.uri();
            NettyGet netty = new NettyGet(group.next(), uri);
            out.printf(Locale.ROOT, "Three calls to the backend, each needing the answer before it: order %d ms, stock %d ms, price %d ms (%d ms of waiting).%n",
                    WAITS[0], WAITS[1], WAITS[2], waits);
            out.println("'.' waiting for the answer, '#' the code after it running; each row names the thread that sent and the one that went on.");
            Thread.State[] parked = new Thread.State[1];
            for (int warm = 0; warm < 2; warm++) { // the first pass loads classes and compiles; the second is drawn
                blockingOnAVirtualThread(uri, parked);
                completableFutureComposition(client, uri);
                nettyPromises(netty);
            }
            Way blocking = blockingOnAVirtualThread(uri, parked);
            Way future = completableFutureComposition(client, uri);
            Way promises = nettyPromises(netty);
            for (Way way : List.of(blocking, future, promises)) {
                out.printf(Locale.ROOT, "%n  %s (await = %s): the caller got control back after %s ms; done after %s ms%n",
                        way.name(), way.await() == Await.PARKED_CONTINUATION ? "a parked continuation" : "a callback registered for later",
                        CooperativeLesson.ms(way.callerBackMicros()), CooperativeLesson.ms(way.totalMicros()));
                out.print(draw(way));
            }
            out.flush();
            return new Result(waits, blocking, future, promises, parked[0]);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Plain blocking code on a virtual thread: each call parks the thread until its answer. */
    private static Way blockingOnAVirtualThread(URI backend, Thread.State[] parkedState) throws InterruptedException {
        ConcurrentLinkedQueue<Step> steps = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        Thread caller = Thread.ofVirtual().name("futures-virtual").start(() -> {
            try {
                long bytes = 8;
                for (int i = 0; i < CALLS.length; i++) {
                    String sentBy = threadName();
                    long sent = micros(start);
                    try (BlockingGet call = BlockingGet.open(backend)) {
                        bytes = call.get("/delay?ms=" + WAITS[i] + "&bytes=" + (bytes + 8)); // the "await": the thread parks here
                    }
                    steps.add(new Step(CALLS[i], sentBy, threadName(), sent, micros(start)));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(WAITS[0] / 2);
        parkedState[0] = caller.getState();
        caller.join();
        long total = micros(start);
        return new Way("blockingOnAVirtualThread", Await.PARKED_CONTINUATION, total, total, new ArrayList<>(steps));
    }

    /** CompletableFuture composition: sendAsync returns at once; thenCompose registers the next step. */
    private static Way completableFutureComposition(HttpClient client, URI backend) {
        ConcurrentLinkedQueue<Step> steps = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        CompletableFuture<Long> chain = send(client, backend, 0, 8, start, threadName(), steps)
                .thenCompose(order -> send(client, backend, 1, order + 8, start, threadName(), steps))
                .thenCompose(stock -> send(client, backend, 2, stock + 8, start, threadName(), steps));
        long back = micros(start); // the caller holds a future; nothing has been answered yet
        chain.join();
        return new Way("completableFutureComposition", Await.CALLBACK, back, micros(start), new ArrayList<>(steps));
    }

    private static CompletableFuture<Long> send(HttpClient client, URI backend, int i, long bytes, long start, String sentBy,
                                                ConcurrentLinkedQueue<Step> steps) {
        long sent = micros(start);
        HttpRequest request = HttpRequest.newBuilder(backend.resolve("/delay?ms=" + WAITS[i] + "&bytes=" + bytes)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
            steps.add(new Step(CALLS[i], sentBy, threadName(), sent, micros(start)));
            return (long) response.body().length;
        });
    }

    /** Netty promises: every step is a listener the event loop calls when the step before is done. */
    private static Way nettyPromises(NettyGet netty) throws InterruptedException {
        ConcurrentLinkedQueue<Step> steps = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        Promise<Long> done = netty.loop().newPromise();
        call(netty, 0, 8, start, steps, done);
        long back = micros(start);
        done.await();
        return new Way("nettyPromises", Await.CALLBACK, back, micros(start), new ArrayList<>(steps));
    }

    private static void call(NettyGet netty, int i, long bytes, long start, ConcurrentLinkedQueue<Step> steps, Promise<Long> done) {
        String sentBy = threadName();
        long sent = micros(start);
        netty.get("/delay?ms=" + WAITS[i] + "&bytes=" + bytes).answer().addListener((Future<Long> answer) -> {
            steps.add(new Step(CALLS[i], sentBy, threadName(), sent, micros(start)));
            if (!answer.isSuccess()) {
                done.tryFailure(answer.cause());
            } else if (i + 1 < CALLS.length) {
                call(netty, i + 1, answer.getNow() + 8, start, steps, done);
            } else {
                done.trySuccess(answer.getNow());
            }
        });
    }

    private static String draw(Way way) {
        List<Timelines.Row> rows = new ArrayList<>();
        for (Step s : way.steps()) {
            rows.add(new Timelines.RowBuilder(s.call()).add(s.sentMicros(), s.answeredMicros(), Timelines.WAIT)
                    .add(s.answeredMicros(), s.answeredMicros() + 1, Timelines.RUN)
                    .build("sent by " + s.sentBy() + ", went on on " + s.continuedOn()));
        }
        rows.add(new Timelines.RowBuilder("caller").add(0, way.callerBackMicros(),
                way.await() == Await.PARKED_CONTINUATION ? Timelines.WAIT : Timelines.RUN).build(
                way.await() == Await.PARKED_CONTINUATION ? "blocked until the last answer" : "free again at once"));
        return Timelines.draw(rows, "    ");
    }

    /** The thread's name; for a virtual thread also its carrier now ({@code name@ForkJoinPool-1-worker-1}). */
    private static String threadName() {
        Thread t = Thread.currentThread();
        if (!t.isVirtual()) {
            return t.getName();
        }
        String s = t.toString(); // VirtualThread[#31,futures-virtual]/runnable@ForkJoinPool-1-worker-1
        int at = s.lastIndexOf('@');
        return t.getName() + (at < 0 ? "" : "@" + s.substring(at + 1));
    }

    static String carrierOf(String threadName) {
        int at = threadName.lastIndexOf('@');
        return at < 0 ? threadName : threadName.substring(at + 1);
    }

    private static long micros(long start) {
        return (System.nanoTime() - start) / 1000;
    }
}

/*
 * HOW TO RUN
 *
 *   ./lab lesson futures
 *
 * Output: docs/lessons/futures.md (filled by docs/lessons/regenerate.sh, with its environment line).
 */
