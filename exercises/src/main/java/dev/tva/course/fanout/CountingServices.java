package dev.tva.course.fanout;

import dev.tva.async.LeanAsyncClient;
import dev.tva.threads.LeanBlockingClient;
import dev.tva.workloads.Workload;
import io.netty.channel.EventLoop;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/*
 * The checks' services: the lab's loopback backend, which answers /delay?ms=&bytes= from a timer, reached with the lab's
 * lean clients (a blocking socket whose read ends when its thread is interrupted, and an event-loop pipeline whose call
 * ends when its future is cancelled). A service named down is a port nobody listens on: a call to it fails at once.
 * Every call counts itself while it runs, so a check sees the calls still in flight on this side.
 */

/** The services a check hands to the student's fan-out: the backend, a service that is down, and a count of the calls in flight. */
final class CountingServices implements FanOut.Services, AutoCloseable {
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);

    private final Set<String> down;
    private final LeanBlockingClient blocking;
    private final LeanBlockingClient blockingDown;
    private final LeanAsyncClient async;
    private final LeanAsyncClient asyncDown;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger downAsked = new AtomicInteger();

    /** Calls {@code backend}, except for the services in {@code down}, which are at {@code refusing}; futures complete on {@code loop}. */
    CountingServices(URI backend, URI refusing, Set<String> down, EventLoop loop) {
        this.down = Set.copyOf(down);
        this.blocking = new LeanBlockingClient(backend, CLIENT_TIMEOUT);
        this.blockingDown = new LeanBlockingClient(refusing, CLIENT_TIMEOUT);
        this.async = new LeanAsyncClient(loop, backend, CLIENT_TIMEOUT);
        this.asyncDown = new LeanAsyncClient(loop, refusing, CLIENT_TIMEOUT);
    }

    @Override
    public long call(FanOut.Call call) throws IOException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("cancelled before the call to " + call.service());
        }
        inFlight.incrementAndGet();
        try {
            return client(call, blocking, blockingDown).get(http(call));
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public CompletableFuture<Long> callAsync(FanOut.Call call) {
        inFlight.incrementAndGet();
        CompletableFuture<Long> answer = client(call, async, asyncDown).get(http(call));
        CompletableFuture<Long> yours = new CompletableFuture<>();
        answer.whenComplete((bytes, failure) -> {
            inFlight.decrementAndGet();
            if (failure == null) {
                yours.complete(bytes);
            } else {
                yours.completeExceptionally(failure instanceof CompletionException wrapped && wrapped.getCause() != null ? wrapped.getCause() : failure);
            }
        });
        // Completed by the student (cancelled, timed out): the call is given up, and the client closes its connection.
        yours.whenComplete((bytes, failure) -> answer.cancel(false));
        return yours;
    }

    /** The client for {@code call}'s service: the backend's, or the one of the port nobody listens on. */
    private <C> C client(FanOut.Call call, C up, C refused) {
        if (down.contains(call.service())) {
            downAsked.incrementAndGet();
            return refused;
        }
        return up;
    }

    private static Workload.Http http(FanOut.Call call) {
        return new Workload.Http(call.latencyMillis(), call.bytes());
    }

    /** Calls started and not yet ended, on this side. */
    int inFlight() {
        return inFlight.get();
    }

    /** Calls made to a service that is down. */
    int downAsked() {
        return downAsked.get();
    }

    @Override
    public void close() {
        blocking.close();
        blockingDown.close();
        async.close();
        asyncDown.close();
    }
}
