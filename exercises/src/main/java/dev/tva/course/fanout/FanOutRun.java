package dev.tva.course.fanout;

import dev.tva.workloads.Backend;
import dev.tva.workloads.BackendActivity;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/*
 * One trial: a backend of its own (calls a previous trial left running cannot blur this one's counts), an event loop
 * for the futures, and the services. The student's total runs on a thread of its own and is waited for at most a bound,
 * so code that waits forever fails the check instead of hanging it (it is interrupted when the trial ends). After total
 * ends, the trial watches what is left: calls in flight on this side, requests the backend is still working on for a
 * connection still open, and platform threads the trial did not have before that run the student's code or are not
 * daemons (an executor never shut down).
 */

/** A backend, the services and a caller thread for one call of the student's fan-out, and what it left running afterwards. */
final class FanOutRun implements AutoCloseable {
    private final BackendActivity activity = new BackendActivity();
    private final Backend backend;
    private final EventLoopGroup loop;
    private final CountingServices services;
    private final Set<Thread> before;
    private Thread caller;

    /** How a call of total ended: whether it did within the bound, after how long, and its total or what it threw. */
    record Ended(boolean returned, long millis, Long total, Throwable thrown) {
        /** Whether it threw a {@code type}, or something caused by one. */
        boolean threw(Class<? extends Throwable> type) {
            for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** What is still running: calls on this side, requests at the backend, threads; and when that was seen, after total ended. */
    record Left(int calls, int backendRequests, List<String> threads, long afterMillis) {
        boolean none() {
            return calls == 0 && backendRequests == 0 && threads.isEmpty();
        }
    }

    /** Starts a backend and the services; calls to the services in {@code down} fail at once. */
    FanOutRun(Set<String> down) {
        backend = Backend.start("127.0.0.1", 0, 1, activity);
        loop = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("check-loop"), NioIoHandler.newFactory());
        loop.submit(() -> { }).syncUninterruptibly();  // its thread starts now, not during the trial
        services = new CountingServices(backend.uri(), refusingPort(), down, loop.next());
        before = Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    CountingServices services() {
        return services;
    }

    /** Calls {@code student.total} on a thread of its own and waits at most {@code bound} for it to return or throw. */
    Ended total(FanOut student, List<FanOut.Call> calls, Duration deadline, Duration bound) throws InterruptedException {
        CompletableFuture<Ended> ended = new CompletableFuture<>();
        long start = System.nanoTime();
        caller = Thread.ofPlatform().daemon().name("fan-out-caller").start(() -> {
            try {
                long total = student.total(calls, deadline, services);
                ended.complete(new Ended(true, millisSince(start), total, null));
            } catch (Throwable e) {
                ended.complete(new Ended(true, millisSince(start), null, e));
            }
        });
        try {
            return ended.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return new Ended(false, millisSince(start), null, null);
        }
    }

    /** Watches for at most {@code within} until nothing is left running, and returns what was left last. */
    Left leftAfter(Duration within, String studentPackage) throws InterruptedException {
        long start = System.nanoTime();
        Left left = left(studentPackage, 0);
        while (!left.none() && System.nanoTime() - start < within.toNanos()) {
            Thread.sleep(10);
            left = left(studentPackage, millisSince(start));
        }
        return left;
    }

    private Left left(String studentPackage, long afterMillis) {
        List<String> threads = Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> !before.contains(e.getKey()) && e.getKey() != caller && e.getKey().isAlive())
                .filter(e -> !e.getKey().isDaemon() || runs(e.getValue(), studentPackage))
                .map(Map.Entry::getKey).map(Thread::getName).sorted().toList();
        return new Left(services.inFlight(), activity.requestsInProgress(), threads, afterMillis);
    }

    private static boolean runs(StackTraceElement[] stack, String studentPackage) {
        return Arrays.stream(stack).anyMatch(frame -> frame.getClassName().startsWith(studentPackage + "."));
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** A loopback port nobody listens on: a connection to it is refused at once. */
    private static URI refusingPort() {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + free.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Interrupts a caller still waiting, then closes the services, the loop and the backend (whose connections close with it). */
    @Override
    public void close() throws InterruptedException {
        if (caller != null && caller.isAlive()) {
            caller.interrupt();
        }
        services.close();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        backend.close();
        if (caller != null) {
            caller.join(2_000);
        }
    }
}
