package dev.tva.lessons;

import dev.tva.engine.ServerFactory;
import dev.tva.workloads.Backend;
import dev.tva.workloads.web.LabServer;
import dev.tva.workloads.web.ServerConfig;
import dev.tva.workloads.web.ServerId;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/*
 * ONE REQUEST'S LIFE, AND THE THREAD THAT RAN EACH STEP.
 *
 * GET /io?ms=50 on each server (in this JVM), with JFR recording every socket read and write and the
 * thread that made it (jdk.SocketRead, jdk.SocketWrite: JDK's own events, no change to any server).
 * From them: the request read and parsed, the handler calling the backend (the wait starts), the
 * backend's answer read (the wait ends), the answer written. The connection is accepted inside each
 * server's library (JFR has no accept event): the lab shows when the client's connect returned.
 *
 * 20 ms into the wait a second client sends GET /hello. On netty (one event loop here) the thread that
 * is "waiting" for the backend serves it: on an event loop a wait holds no thread. On the thread
 * servers another thread serves it: the handler's thread is held by its wait (a platform thread
 * blocked; a virtual thread parked, its carrier free).
 */

/** {@code lab lesson lifecycle}: one request through each server, step by step, with the thread that ran each step. */
public final class LifecycleLesson implements Lesson<LifecycleLesson.Result> {
    private static final long WAIT_MILLIS = 50;

    @Override
    public String id() {
        return "lifecycle";
    }

    @Override
    public Section section() {
        return Section.TEACHING;
    }

    @Override
    public String summary() {
        return "One request's life through each server (accepted, parsed, handler and wait, answer written) with the thread of each step, from JFR socket events";
    }

    @Override
    public int expectedSeconds() {
        return 4;
    }

    /** A step: its name, when (since the client's connect returned), and the thread that ran it (null: not recorded). */
    public record Step(String name, long atMicros, String thread, boolean virtual) {
    }

    /** One server: the request's steps, and the thread that served /hello during the wait. */
    public record Life(ServerId server, List<Step> steps, Step hello) {
        String helloThread() {
            return hello.thread();
        }

        Optional<String> handlerThread() {
            return steps.stream().filter(s -> s.name().startsWith("handler")).map(Step::thread).filter(t -> t != null).findFirst();
        }

        /** Whether the thread that waited for the backend served /hello meanwhile. */
        boolean waitingThreadServedHello() {
            return handlerThread().map(t -> t.equals(helloThread())).orElse(false);
        }

        boolean complete() {
            return steps.stream().skip(1).allMatch(s -> s.thread() != null) && helloThread() != null;
        }
    }

    /** Every server's life. */
    public record Result(List<Life> lives) implements LessonResult {
        Life of(ServerId id) {
            return lives.stream().filter(l -> l.server() == id).findFirst().orElseThrow();
        }

        @Override
        public boolean shown() {
            return lives.stream().allMatch(Life::complete) && of(ServerId.NETTY).waitingThreadServedHello()
                    && lives.stream().filter(l -> l.server() != ServerId.NETTY).noneMatch(Life::waitingThreadServedHello);
        }

        @Override
        public String notice() {
            StringBuilder text = new StringBuilder();
            for (Life life : lives) {
                text.append(String.format(Locale.ROOT, "%s ran the request on %s and served /hello during the wait on %s%s. ", life.server().id(),
                        life.handlerThread().orElse("an unrecorded thread"), life.helloThread(),
                        life.waitingThreadServedHello() ? " (the same thread: its wait held no thread)" : " (another thread: the first was held by its wait)"));
            }
            return text + (shown() ? "A thread server gives each request a thread for its whole life, waits included; an event loop gives it the loop"
                    + " only while there is something to compute, and serves other requests in between."
                    : "Not every step was recorded or not every claim held on this run; see the table above.");
        }
    }

    /**
     * Helidon, when no JVM-wide deserialization filter is set, sets one that refuses every class ("!*"), and a
     * filter cannot be unset. The lesson borrows its JVM to run the servers in, so it asks Helidon to leave the
     * JVM's filter as it is (JMH's link to its forks, for one, deserializes).
     */
    private static final String HELIDON_SERIAL_FILTER = "helidon.serialFilter.missing.action";

    @Override
    public Result run(PrintWriter out, LessonSettings settings) throws Exception {
        if (System.getProperty(HELIDON_SERIAL_FILTER) == null) {
            System.setProperty(HELIDON_SERIAL_FILTER, "IGNORE");
        }
        out.printf(Locale.ROOT, "GET /io?ms=%d on each server, in this JVM, JFR recording every socket read and write; 20 ms into the backend's"
                + " wait, another client sends GET /hello.%n", WAIT_MILLIS);
        List<Life> lives = new ArrayList<>();
        try (Backend backend = Backend.start("127.0.0.1", 0, 1)) {
            for (ServerId id : ServerId.values()) {
                ServerConfig config = ServerConfig.of(id, 0, backend.uri()).withLoops(1);
                try (LabServer server = ServerFactory.start(config)) {
                    for (int warm = 0; warm < settings.pick(20, 5); warm++) {
                        send(server.port(), "/io?ms=1", 0, new long[1]);
                    }
                    Life life = recordOne(server, backend.port());
                    lives.add(life);
                    out.printf(Locale.ROOT, "%n  %s (%s)%n", id.id(), server.describe());
                    for (Step s : life.steps()) {
                        out.printf(Locale.ROOT, "    %-42s %7.1f ms   %s%n", s.name(), s.atMicros() / 1000.0, thread(s));
                    }
                    out.printf(Locale.ROOT, "    %-42s %7.1f ms   %s%s%n", life.hello().name(), life.hello().atMicros() / 1000.0, thread(life.hello()),
                            life.waitingThreadServedHello() ? ": the same thread, during the wait" : "");
                    out.flush();
                }
            }
        }
        return new Result(lives);
    }

    /** Sends one /io with JFR on, a /hello during its wait, and reads the steps from the recording. */
    private static Life recordOne(LabServer server, int backendPort) throws Exception {
        Path file = Files.createTempFile("lifecycle-", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.SocketRead").withThreshold(Duration.ZERO).withStackTrace();
            recording.enable("jdk.SocketWrite").withThreshold(Duration.ZERO).withStackTrace();
            recording.start();
            long[] helloPort = new long[1];
            Thread hello = Thread.ofPlatform().name("hello-client").start(() -> {
                try {
                    Thread.sleep(20);
                    send(server.port(), "/hello", 0, helloPort);
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            long[] clientPort = new long[1];
            Instant connected = send(server.port(), "/io?ms=" + WAIT_MILLIS, WAIT_MILLIS, clientPort);
            hello.join();
            recording.stop();
            recording.dump(file);
            List<RecordedEvent> events = RecordingFile.readAllEvents(file).stream()
                    .sorted(Comparator.comparing(RecordedEvent::getEndTime)).toList();
            return life(server.id(), events, connected, (int) clientPort[0], (int) helloPort[0], backendPort);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The steps, from the server side's socket events: those whose remote port is the client's, or the backend's. */
    private static Life life(ServerId id, List<RecordedEvent> events, Instant connected, int clientPort, int helloPort, int backendPort) {
        Optional<RecordedEvent> parsed = first(events, "jdk.SocketRead", clientPort, null);
        Optional<RecordedEvent> called = first(events, "jdk.SocketWrite", backendPort, null);
        String handler = called.map(e -> name(e.getThread())).orElse(null);
        Optional<RecordedEvent> answered = first(events, "jdk.SocketRead", backendPort, handler);
        Optional<RecordedEvent> written = first(events, "jdk.SocketWrite", clientPort, null);
        Step hello = step("meanwhile, GET /hello answered", first(events, "jdk.SocketWrite", helloPort, null), connected);
        List<Step> steps = List.of(
                new Step("accepted (the client's connect returned)", 0, null, false),
                step("request read and parsed", parsed, connected),
                step("handler called the backend: wait started", called, connected),
                step("backend's answer read: wait ended", answered, connected),
                step("answer written", written, connected));
        return new Life(id, steps, hello);
    }

    /** The first event of {@code type} to or from {@code port} (on {@code thread}, when given). */
    private static Optional<RecordedEvent> first(List<RecordedEvent> events, String type, int port, String thread) {
        return events.stream().filter(e -> e.getEventType().getName().equals(type) && e.getInt("port") == port)
                .filter(e -> thread == null || thread.equals(name(e.getThread()))).findFirst();
    }

    private static Step step(String name, Optional<RecordedEvent> event, Instant connected) {
        return event.map(e -> new Step(name, Duration.between(connected, e.getEndTime()).toNanos() / 1000, name(e.getThread()),
                e.getThread() != null && e.getThread().isVirtual())).orElse(new Step(name, 0, null, false));
    }

    private static String thread(Step s) {
        return s.thread() == null ? "(inside the server's library; not recorded)" : s.thread() + (s.virtual() ? " (virtual)" : "");
    }

    private static String name(RecordedThread thread) {
        return thread == null ? null : thread.getJavaName();
    }

    /** GET {@code path} on a new connection; returns when the connect returned, and puts the client's port in {@code port[0]}. */
    private static Instant send(int serverPort, String path, long waitMillis, long[] port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", serverPort));
            Instant connected = Instant.now();
            port[0] = socket.getLocalPort();
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: lab\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            try (InputStream in = socket.getInputStream()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return connected;
        }
    }
}

/*
 * HOW TO RUN
 *
 *   ./lab lesson lifecycle
 *
 * Output: docs/lessons/lifecycle.md (filled by docs/lessons/regenerate.sh, with its environment line).
 */
