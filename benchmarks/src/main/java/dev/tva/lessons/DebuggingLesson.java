package dev.tva.lessons;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tva.async.LoopLagProbe;
import dev.tva.workloads.ChildLeaks;
import dev.tva.workloads.ChildOutput;
import dev.tva.workloads.ChildProcess;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.invoke.MethodHandles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/*
 * DEBUGGING LIKE A PRACTITIONER: THREE BUGS PLANTED, THREE TOOLS THAT FIND THEM.
 *
 *   A blocked event loop    a sleep ON the loop. The loop-lag probe sees the symptom (its timer runs
 *                           late by the sleep); BlockHound, with Netty's integration, names the cause:
 *                           it fails the blocking call on a loop thread with the method's name. (It
 *                           runs in a JVM of its own: on JDK 25 its agent needs two JVM flags.)
 *   A pinned virtual thread a blocking call inside a class initializer: the virtual thread cannot
 *                           unmount and holds its carrier. JFR's jdk.VirtualThreadPinned event names it,
 *                           with the stack. The fix (block outside the initializer) records none. On
 *                           JDK 24+, synchronized no longer pins (JEP 491); the lesson says which JDK ran.
 *   A stuck request         one request among thousands of virtual threads waits forever. Two JSON
 *                           thread dumps a second apart (jcmd PID Thread.dump_to_file -format=json,
 *                           which lists virtual threads too): the request still there, in the same
 *                           place, is the stuck one.
 */

/** {@code lab lesson debugging}: a blocked loop, a pinned virtual thread and a stuck request, each found with its tool. */
public final class DebuggingLesson implements Lesson<DebuggingLesson.Result> {
    private static final long BLOCK_MILLIS = 100;

    @Override
    public String id() {
        return "debugging";
    }

    @Override
    public Section section() {
        return Section.TEACHING;
    }

    @Override
    public String summary() {
        return "Three planted bugs found with a practitioner's tools: a blocked loop (loop-lag probe, BlockHound), a pinned virtual thread (JFR), a stuck request among thousands (jcmd JSON thread dump)";
    }

    @Override
    public int expectedSeconds() {
        return 10;
    }

    /** The blocked loop: the probe's worst lag with the bug and with the fix, and what BlockHound said about each ({@code none}: nothing). */
    public record BlockedLoop(long lagWithBugMicros, long lagWithFixMicros, String blockHoundOnBug, String blockHoundOnFix) {
        boolean shown() {
            return lagWithBugMicros >= BLOCK_MILLIS * 500 && lagWithFixMicros * 4 < lagWithBugMicros
                    && blockHoundOnBug.contains("Blocking call") && blockHoundOnFix.equals(BlockedLoopUnderBlockHound.NONE);
        }
    }

    /** The pin: JFR's pinned events for the planted pin, for synchronized, and for the fix; the planted one's duration and reason. */
    public record Pinning(int jdk, long plantedEvents, long plantedMillis, String reason, long synchronizedEvents, long fixEvents) {
        boolean synchronizedPins() {
            return jdk < 24;
        }

        boolean shown() {
            return plantedEvents >= 1 && fixEvents == 0 && (synchronizedEvents > 0) == synchronizedPins();
        }
    }

    /** The stuck request: threads in the dump, the one found still in the same place a second later, and where. */
    public record Stuck(int virtualThreads, List<String> found, String where, String planted) {
        boolean shown() {
            return found.equals(List.of(planted));
        }
    }

    public record Result(BlockedLoop blockedLoop, Pinning pinning, Stuck stuck) implements LessonResult {
        @Override
        public boolean shown() {
            return blockedLoop.shown() && pinning.shown() && stuck.shown();
        }

        @Override
        public String notice() {
            return String.format(Locale.ROOT, "Blocked loop: the lag probe ran up to %s ms late with the %d ms sleep on the loop and %s ms with a timer"
                            + " instead; BlockHound failed the sleep on the loop thread (%s) and said nothing about the timer. Pinned virtual thread:"
                            + " JFR recorded %d jdk.VirtualThreadPinned event(s) for the blocking class initializer (%d ms, %s), %d for the fix, and %d"
                            + " for synchronized on JDK %d (%s). Stuck request: of %,d virtual threads in the dump, %s was the only one still in the same"
                            + " place a second later, in %s.%s",
                    CooperativeLesson.ms(blockedLoop.lagWithBugMicros()), BLOCK_MILLIS, CooperativeLesson.ms(blockedLoop.lagWithFixMicros()),
                    blockedLoop.blockHoundOnBug(), pinning.plantedEvents(), pinning.plantedMillis(), pinning.reason(), pinning.fixEvents(),
                    pinning.synchronizedEvents(), pinning.jdk(), pinning.synchronizedPins() ? "before JEP 491, synchronized pins" : "JEP 491: it no longer pins",
                    stuck.virtualThreads(), stuck.found().isEmpty() ? "no thread" : String.join(", ", stuck.found()), stuck.where(),
                    shown() ? "" : " (Not every bug was found as expected on this run; see above.)");
        }
    }

    @Override
    public Result run(PrintWriter out, LessonSettings settings) throws Exception {
        out.printf(Locale.ROOT, "1. A blocked loop: Thread.sleep(%d) on an event loop (blockingOnEventLoop), then a %d ms loop timer (timerOnEventLoop).%n",
                BLOCK_MILLIS, BLOCK_MILLIS);
        BlockedLoop loop = blockedLoop();
        out.printf(Locale.ROOT, "   loop-lag probe (every 5 ms): worst lag %s ms with the sleep, %s ms with the timer%n",
                CooperativeLesson.ms(loop.lagWithBugMicros()), CooperativeLesson.ms(loop.lagWithFixMicros()));
        out.println("   BlockHound (a JVM of its own, -XX:+AllowRedefinitionToAddDeleteMethods -XX:+EnableDynamicAgentLoading):");
        out.println("     blockingOnEventLoop: " + loop.blockHoundOnBug());
        out.println("     timerOnEventLoop:    " + loop.blockHoundOnFix());

        out.printf(Locale.ROOT, "%n2. A pinned virtual thread: blocking %d ms inside a class initializer, in synchronized, and the fix; JFR jdk.VirtualThreadPinned:%n",
                BlocksInInitializer.SLEEP_MILLIS);
        Pinning pinning = pinning();
        out.printf(Locale.ROOT, "   pinnedByClassInitializer: %d event(s), pinned %d ms (%s)%n", pinning.plantedEvents(), pinning.plantedMillis(), pinning.reason());
        out.printf(Locale.ROOT, "   blockingInSynchronized:   %d event(s) on JDK %d (%s)%n", pinning.synchronizedEvents(), pinning.jdk(),
                pinning.synchronizedPins() ? "synchronized pins before JDK 24" : "JDK 24+: synchronized does not pin");
        out.printf(Locale.ROOT, "   unpinned (the fix):       %d event(s)%n", pinning.fixEvents());

        out.println();
        out.println("3. A stuck request among thousands of virtual threads, in a JVM of its own; two JSON thread dumps a second apart:");
        out.flush();
        Stuck stuck = stuck(out);
        out.printf(Locale.ROOT, "   %,d virtual threads in the first dump; still in the same place a second later: %s%n", stuck.virtualThreads(),
                stuck.found().isEmpty() ? "none" : String.join(", ", stuck.found()));
        out.println("   where: " + stuck.where());
        out.flush();
        return new Result(loop, pinning, stuck);
    }

    private static BlockedLoop blockedLoop() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("lesson-loop"), NioIoHandler.newFactory());
        long bug;
        long fix;
        try (LoopLagProbe probe = LoopLagProbe.start(group.next(), Duration.ofMillis(5))) {
            EventLoop loop = group.next();
            Thread.sleep(50);
            probe.reset();
            loop.submit(() -> {
                Thread.sleep(BLOCK_MILLIS); // the bug
                return null;
            }).await();
            Thread.sleep(20);
            bug = probe.lag().getMaxValue();
            probe.reset();
            loop.schedule(() -> null, BLOCK_MILLIS, TimeUnit.MILLISECONDS).await(); // the fix
            Thread.sleep(20);
            fix = probe.lag().getMaxValue();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
        Map<String, String> said = blockHound();
        return new BlockedLoop(bug, fix, said.getOrDefault("blockingOnEventLoop", "(no answer)"), said.getOrDefault("timerOnEventLoop", "(no answer)"));
    }

    /** Runs {@link BlockedLoopUnderBlockHound} in a JVM of its own with the flags its agent needs; its lines "case: what it said". */
    private static Map<String, String> blockHound() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-XX:+AllowRedefinitionToAddDeleteMethods", "-XX:+EnableDynamicAgentLoading"));
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(ChildLeaks.flags());  // its Netty loop runs under the same leak detection as this JVM
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BlockedLoopUnderBlockHound.class.getName()));
        Process child = new ProcessBuilder(command).start();
        child.getOutputStream().close();
        // Its stderr is not shown (BlockHound's stack traces are the lesson's, told in lines), but checked for leak reports.
        ChildOutput errors = ChildOutput.copy(child.getErrorStream(), null, "blockhound-child");
        String output;
        try (InputStream in = child.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        child.waitFor(30, TimeUnit.SECONDS);
        errors.awaitEnd(Duration.ofSeconds(5));
        Map<String, String> said = new HashMap<>();
        output.lines().filter(l -> l.contains(": ")).forEach(l -> said.put(l.substring(0, l.indexOf(": ")), l.substring(l.indexOf(": ") + 2)));
        return said;
    }

    private interface Body {
        void run() throws Exception;
    }

    private static Pinning pinning() throws Exception {
        byte[] initializer;
        try (InputStream in = BlocksInInitializer.class.getResourceAsStream("BlocksInInitializer.class")) {
            initializer = in.readAllBytes();
        }
        List<RecordedEvent> planted = pinnedEvents(() -> MethodHandles.lookup().defineHiddenClass(initializer, true)); // a fresh copy: its <clinit> runs
        Object monitor = new Object();
        List<RecordedEvent> inSynchronized = pinnedEvents(() -> {
            synchronized (monitor) {
                Thread.sleep(BlocksInInitializer.SLEEP_MILLIS);
            }
        });
        List<RecordedEvent> fix = pinnedEvents(() -> Thread.sleep(BlocksInInitializer.SLEEP_MILLIS)); // the blocking moved out of the initializer
        long millis = planted.stream().mapToLong(e -> e.getDuration().toMillis()).max().orElse(0);
        String reason = planted.stream().filter(e -> e.hasField("pinnedReason")).map(e -> e.getString("pinnedReason")).findFirst()
                .orElse("no reason recorded");
        return new Pinning(Runtime.version().feature(), planted.size(), millis, reason, inSynchronized.size(), fix.size());
    }

    /** Runs {@code body} on a virtual thread under a JFR recording of jdk.VirtualThreadPinned (1 ms threshold); the events. */
    private static List<RecordedEvent> pinnedEvents(Body body) throws Exception {
        Path file = Files.createTempFile("pinned-", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ofMillis(1)).withStackTrace();
            recording.start();
            Thread.ofVirtual().name("pin-check").start(() -> {
                try {
                    body.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).join();
            recording.stop();
            recording.dump(file);
            return RecordingFile.readAllEvents(file).stream().filter(e -> e.getEventType().getName().equals("jdk.VirtualThreadPinned")).toList();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Starts {@link StuckAmongThousands}, dumps its threads twice with jcmd, and finds the request that did not move. */
    private static Stuck stuck(PrintWriter out) throws Exception {
        List<String> command = List.of(java(), "-cp", System.getProperty("java.class.path"), StuckAmongThousands.class.getName());
        Path dir = Files.createTempDirectory("thread-dumps");
        try (ChildProcess child = ChildProcess.start(command, StuckAmongThousands.READY, Duration.ofSeconds(30), Duration.ofSeconds(5), "stuck-request")) {
            Thread.sleep(500); // thousands of requests come and go meanwhile
            Path first = dir.resolve("first.json");
            Path second = dir.resolve("second.json");
            out.printf(Locale.ROOT, "   jcmd %d Thread.dump_to_file -format=json %s%n", child.pid(), first.getFileName());
            Map<String, List<String>> before = dump(child.pid(), first, out);
            Thread.sleep(1_000);
            Map<String, List<String>> after = dump(child.pid(), second, out);
            List<String> found = before.keySet().stream().filter(name -> before.get(name).equals(after.get(name))).sorted().toList();
            String where = found.isEmpty() ? "-" : labFrame(before.get(found.get(0)));
            return new Stuck(before.size(), found, where, "request-" + StuckAmongThousands.STUCK);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    /** How many times a thread dump is taken before the lesson gives up on it. */
    private static final int DUMP_ATTEMPTS = 3;

    /**
     * Dumps the child's threads to {@code file} and reads the request threads back. jcmd exits 0 even when the
     * dump failed part-way: it then replies {@code Failed: ...} and leaves a file cut off mid-thread. A dump
     * taken while thousands of virtual threads mount and unmount can fail that way on JDK 25
     * (JDK-8364343), so a failed dump is said and taken again, as one would by hand.
     */
    private static Map<String, List<String>> dump(long pid, Path file, PrintWriter out) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            Files.deleteIfExists(file);
            String failure = jcmd(pid, file).failure();
            if (failure == null) {
                try {
                    return requests(file);
                } catch (JsonProcessingException e) {
                    failure = "the file does not read as JSON: " + e.getOriginalMessage();
                }
            }
            if (attempt == DUMP_ATTEMPTS) {
                throw new IOException("jcmd " + pid + " Thread.dump_to_file failed " + DUMP_ATTEMPTS + " times; the last: " + failure);
            }
            out.printf(Locale.ROOT, "   that dump failed (%s); taking it again%n", failure);
            out.flush();
        }
    }

    /** What jcmd printed, and its exit status. */
    record JcmdReply(int exit, String printed) {
        /** Why the dump failed, or null: jcmd's last line is {@code Created <file>} when it worked. */
        String failure() {
            List<String> lines = printed.strip().lines().toList();
            String reply = lines.isEmpty() ? "nothing" : lines.get(lines.size() - 1).strip();
            if (exit != 0) {
                return "jcmd exit " + exit + ": " + reply;
            }
            return reply.startsWith("Created ") ? null : "jcmd replied " + reply;
        }
    }

    /** Runs jcmd; an IOException if it did not end within 30 s. */
    private static JcmdReply jcmd(long pid, Path file) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.dump_to_file", "-format=json", file.toString())
                .redirectErrorStream(true).start();
        byte[] printed;
        try (InputStream in = p.getInputStream()) {
            printed = in.readAllBytes();
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("jcmd " + pid + " Thread.dump_to_file did not end within 30 s");
        }
        return new JcmdReply(p.exitValue(), new String(printed, StandardCharsets.UTF_8));
    }

    /** The virtual threads named request-N in a JSON thread dump, each with its stack. */
    private static Map<String, List<String>> requests(Path dump) throws IOException {
        Map<String, List<String>> threads = new HashMap<>();
        for (JsonNode container : new ObjectMapper().readTree(dump.toFile()).path("threadDump").path("threadContainers")) {
            for (JsonNode thread : container.path("threads")) {
                String name = thread.path("name").asText();
                if (name.startsWith("request-")) {
                    List<String> stack = new ArrayList<>();
                    thread.path("stack").forEach(frame -> stack.add(frame.asText()));
                    threads.put(name, stack);
                }
            }
        }
        return threads;
    }

    /** The first frame of the lab's own code: where in the request it waits. */
    private static String labFrame(List<String> stack) {
        return stack.stream().filter(f -> f.startsWith("dev.tva.")).findFirst().orElse(stack.isEmpty() ? "-" : stack.get(0));
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}

/*
 * HOW TO RUN
 *
 *   ./lab lesson debugging
 *
 * Output: docs/lessons/debugging.md (filled by docs/lessons/regenerate.sh, with its environment line).
 */
