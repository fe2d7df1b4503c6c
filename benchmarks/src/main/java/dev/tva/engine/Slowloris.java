package dev.tva.engine;

import dev.tva.report.SlowlorisVerdict;
import dev.tva.workloads.Environment;
import dev.tva.workloads.web.ServerLimits;
import dev.tva.workloads.web.SlowHead;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs slowloris against one server process: N connections that each trickle a request head, one virtual
 * thread per connection here; samples what the server holds while they are open, and how fast it still
 * answers {@code /hello}; then waits until the server has cut every connection off, or gives up.
 */
public final class Slowloris {
    /** {@code /hello} requests sent at once during the attack. */
    public static final int HELLO_PROBES = 10;
    public static final Duration HELLO_TIMEOUT = Duration.ofSeconds(3);

    private Slowloris() {
    }

    /** Attacks {@code server} with {@code connections} slow heads, a byte every {@code byteEvery}. */
    public static SlowlorisResult run(ServerProcess server, int connections, Duration byteEvery, Environment env)
            throws IOException, InterruptedException {
        Duration headTimeout = ServerLimits.HEAD_TIMEOUT;
        Duration giveUp = headTimeout.multipliedBy(3);
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
             ExecutorService attackers = Executors.newVirtualThreadPerTaskExecutor()) {
            hello(client, server.port(), 3);  // warm: the server's handler path is loaded
            Thread.sleep(500);
            SlowlorisResult.Sample idle = sample(server);
            List<Future<SlowHead.Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                outcomes.add(attackers.submit(() -> SlowHead.trickle("127.0.0.1", server.port(), byteEvery, giveUp)));
            }
            // Half-way to the head timeout every connection is open and mid-head.
            Thread.sleep(headTimeout.dividedBy(2).toMillis());
            SlowlorisResult.Sample attacked = sample(server);
            List<Long> hello = hello(client, server.port(), HELLO_PROBES);
            List<Long> cutOff = new ArrayList<>();
            int answered408 = 0;
            for (Future<SlowHead.Outcome> f : outcomes) {
                SlowHead.Outcome o = outcome(f);
                if (o != null && o.cutOff()) {
                    cutOff.add(o.cutOffAfter().toMillis());
                    answered408 += o.received().startsWith("HTTP/1.1 408") ? 1 : 0;
                }
            }
            Collections.sort(cutOff);
            long helloP99 = hello.isEmpty() ? -1 : hello.get((int) Math.ceil(0.99 * hello.size()) - 1);
            return new SlowlorisResult(server.id().id(), connections, byteEvery.toMillis(), headTimeout.toMillis(),
                    cutOff.size(), connections - cutOff.size(), answered408,
                    cutOff.isEmpty() ? -1 : cutOff.get(0), cutOff.isEmpty() ? -1 : cutOff.get(cutOff.size() / 2),
                    cutOff.isEmpty() ? -1 : cutOff.get(cutOff.size() - 1), idle, attacked, helloP99, HELLO_PROBES,
                    HELLO_PROBES - hello.size(), SlowlorisVerdict.holds(connections, idle, attacked).name(), env);
        }
    }

    private static SlowHead.Outcome outcome(Future<SlowHead.Outcome> f) throws InterruptedException {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException couldNotConnect) {
            return null;  // counted as not cut off: the server never had it
        }
    }

    private static SlowlorisResult.Sample sample(ServerProcess server) throws IOException, InterruptedException {
        ThreadDump.Counts dump = ThreadDump.of(server.pid());
        return new SlowlorisResult.Sample(server.threads(), dump.virtualThreads(), dump.platformInHeadRead(),
                dump.virtualInHeadRead(), server.rssMb());
    }

    /** Sends {@code n} {@code /hello} at once; the latencies of those answered 200 in time, sorted, in ms. */
    private static List<Long> hello(HttpClient client, int port, int n) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello"))
                .timeout(HELLO_TIMEOUT).build();
        List<java.util.concurrent.CompletableFuture<Long>> sent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            sent.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenApply(r -> r.statusCode() == 200 ? (System.nanoTime() - start) / 1_000_000 : -1L)
                    .exceptionally(timeout -> -1L));
        }
        List<Long> answered = new ArrayList<>(sent.stream().map(java.util.concurrent.CompletableFuture::join)
                .filter(ms -> ms >= 0).toList());
        Collections.sort(answered);
        return answered;
    }
}
