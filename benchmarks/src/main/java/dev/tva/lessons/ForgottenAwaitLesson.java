package dev.tva.lessons;

import dev.tva.workloads.ChildOutput;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/*
 * BUG 1: FORGETTING TO AWAIT.
 *
 * Closing the month writes an audit record per order; each write waits 20 ms. The code starts every
 * write and reports "done":
 *
 *   forgottenJoin  CompletableFuture.runAsync(...) for each order, and nothing waits for them. "Done"
 *                  comes at once, with hardly any record written; the stopwatch around it measured
 *                  the starting, not the work; and when the service stops (its pool shut down), the
 *                  writes still queued never run.
 *   joined         the same futures, then CompletableFuture.allOf(...).join(): "done" means done.
 *
 * Virtual threads are daemon threads. Started and never joined, they die with the JVM: in a JVM of its
 * own, main returns and the writes never happen. The fix there is structure: an executor per task in
 * try-with-resources, whose close() waits for every thread it started.
 */

/** {@code lab lesson forgotten-await}: futures started and never joined, then the fix. */
public final class ForgottenAwaitLesson implements Lesson<ForgottenAwaitLesson.Result> {
    private static final long WRITE_MILLIS = 20;
    private static final int WRITERS = 4;

    @Override
    public String id() {
        return "forgotten-await";
    }

    @Override
    public Section section() {
        return Section.MASTERY;
    }

    @Override
    public String summary() {
        return "Bug 1, a future never joined: \"done\" before the work, a timing that measures nothing, work that never runs; then the fix";
    }

    @Override
    public int expectedSeconds() {
        return 2;
    }

    /** One closing of the month: when it said done, how many records were written then, and in the end. */
    public record Closing(int orders, long reportedAfterMicros, int writtenWhenReported, int writtenInTheEnd) {
    }

    /** The numbers: both closings on a pool, and the virtual-thread closings in a JVM of their own. */
    public record Result(long leastMillis, Closing forgottenJoin, Closing joined, int orders,
                         int virtualNeverJoinedWritten, int virtualInTryWithResourcesWritten) implements LessonResult {
        @Override
        public boolean shown() {
            return forgottenJoin.writtenWhenReported() < orders && forgottenJoin.reportedAfterMicros() < leastMillis * 500
                    && forgottenJoin.writtenInTheEnd() < orders && joined.writtenWhenReported() == orders
                    && joined.reportedAfterMicros() >= leastMillis * 900 && virtualNeverJoinedWritten < orders
                    && virtualInTryWithResourcesWritten == orders;
        }

        @Override
        public String notice() {
            return String.format(Locale.ROOT, "Not joined, the closing said done after %s ms with %d of %d records written; its stopwatch read %s ms for work"
                            + " that needs at least %d ms (%d writes of %d ms on %d threads): it measured the starting, not the work. When the"
                            + " service stopped, %d writes were lost. Joined, it said done after %s ms with all %d written. On virtual threads"
                            + " never joined, the JVM exited with %d of %d written (they are daemon threads); in try-with-resources, %d of %d.%s",
                    CooperativeLesson.ms(forgottenJoin.reportedAfterMicros()), forgottenJoin.writtenWhenReported(), orders,
                    CooperativeLesson.ms(forgottenJoin.reportedAfterMicros()), leastMillis, orders, WRITE_MILLIS, WRITERS,
                    orders - forgottenJoin.writtenInTheEnd(), CooperativeLesson.ms(joined.reportedAfterMicros()), joined.writtenWhenReported(),
                    virtualNeverJoinedWritten, orders, virtualInTryWithResourcesWritten, orders,
                    shown() ? "" : " (Not every claim held on this run; see the numbers above.)");
        }
    }

    @Override
    public Result run(PrintWriter out, LessonSettings settings) throws Exception {
        int orders = settings.pick(40, 12);
        long least = orders * WRITE_MILLIS / WRITERS;
        out.printf(Locale.ROOT, "Closing the month: an audit record per order, %d orders, each write waiting %d ms, on a pool of %d threads.%n",
                orders, WRITE_MILLIS, WRITERS);
        Closing forgotten = close(orders, false);
        out.printf(Locale.ROOT, "  forgottenJoin: \"done\" after %s ms, %d of %d written then; when the service stopped, %d had been written, %d were lost (queued, or cut off mid-write)%n",
                CooperativeLesson.ms(forgotten.reportedAfterMicros()), forgotten.writtenWhenReported(), orders, forgotten.writtenInTheEnd(),
                orders - forgotten.writtenInTheEnd());
        Closing joined = close(orders, true);
        out.printf(Locale.ROOT, "  joined:        \"done\" after %s ms, %d of %d written then; when the service stopped, %d had been written%n",
                CooperativeLesson.ms(joined.reportedAfterMicros()), joined.writtenWhenReported(), orders, joined.writtenInTheEnd());
        out.printf(Locale.ROOT, "%nThe same on virtual threads, each closing in a JVM of its own whose main returns after it:%n");
        int neverJoined = inItsOwnJvm(ClosingInItsOwnJvm.How.NEVER_JOINED, orders);
        out.printf(Locale.ROOT, "  neverJoined:          the JVM exited with %d of %d written%n", neverJoined, orders);
        int structured = inItsOwnJvm(ClosingInItsOwnJvm.How.IN_TRY_WITH_RESOURCES, orders);
        out.printf(Locale.ROOT, "  inTryWithResources:   the JVM exited with %d of %d written%n", structured, orders);
        out.flush();
        return new Result(least, forgotten, joined, orders, neverJoined, structured);
    }

    /** Starts every write; with {@code join} waits for them before saying done. Then stops the service. */
    private static Closing close(int orders, boolean join) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS, Thread.ofPlatform().name("audit-", 1).factory());
        AtomicInteger written = new AtomicInteger();
        long start = System.nanoTime();
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int order = 0; order < orders; order++) {
            writes.add(CompletableFuture.runAsync(() -> writeAudit(written), pool));
        }
        if (join) {
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();
        }
        long reported = (System.nanoTime() - start) / 1000;  // "done", and the stopwatch stops
        int whenReported = written.get();
        pool.shutdownNow();  // the service stops: queued writes are dropped, running ones interrupted
        pool.awaitTermination(5, TimeUnit.SECONDS);
        return new Closing(orders, reported, whenReported, written.get());
    }

    private static void writeAudit(AtomicInteger written) {
        try {
            Thread.sleep(WRITE_MILLIS);
            written.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@link ClosingInItsOwnJvm} and counts the records it wrote before its JVM exited. */
    private static int inItsOwnJvm(ClosingInItsOwnJvm.How how, int orders) throws IOException, InterruptedException {
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
                ClosingInItsOwnJvm.class.getName(), how.name(), Integer.toString(orders));
        Process child = new ProcessBuilder(command).start();
        child.getOutputStream().close();
        ChildOutput errors = ChildOutput.copy(child.getErrorStream(), null, "forgotten-await-child");  // not shown; checked for leak reports
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!child.waitFor(30, TimeUnit.SECONDS)) {
            child.destroyForcibly();
        }
        errors.awaitEnd(Duration.ofSeconds(5));
        return (int) output.lines().filter(line -> line.equals("written")).count();
    }

    /** A JVM whose main starts a virtual thread per order and returns: {@code NEVER_JOINED ORDERS} or {@code IN_TRY_WITH_RESOURCES ORDERS}. */
    public static final class ClosingInItsOwnJvm {
        /** How main starts the writes. */
        enum How { NEVER_JOINED, IN_TRY_WITH_RESOURCES }

        public static void main(String[] args) {
            int orders = Integer.parseInt(args[1]);
            switch (How.valueOf(args[0])) {
                case NEVER_JOINED -> {
                    for (int i = 0; i < orders; i++) {
                        Thread.startVirtualThread(ClosingInItsOwnJvm::write);
                    }
                }
                case IN_TRY_WITH_RESOURCES -> {
                    try (ExecutorService perTask = Executors.newVirtualThreadPerTaskExecutor()) {
                        for (int i = 0; i < orders; i++) {
                            perTask.execute(ClosingInItsOwnJvm::write);
                        }
                    } // close() waits for every thread it started
                }
            }
            System.out.println("done");
        }

        private static void write() {
            try {
                Thread.sleep(WRITE_MILLIS);
                System.out.println("written");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

/*
 * HOW TO RUN
 *
 *   ./lab lesson forgotten-await
 *
 * Output: docs/lessons/forgotten-await.md (filled by docs/lessons/regenerate.sh, with its environment line).
 */
