package dev.tva.engine;

import dev.tva.load.HostSteal;
import dev.tva.load.LoadGenerator;
import dev.tva.load.LoadResult;
import dev.tva.load.LoadSettings;
import dev.tva.load.Progress;
import dev.tva.load.RateStep;
import dev.tva.workloads.CpuPlacement;
import dev.tva.workloads.web.Endpoint;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One server overloaded and let off: twice its capacity, then half of it, in ONE open-model run whose
 * rate steps down without a pause, so the backlog built by the overload is still there when the rate drops.
 *
 * <p>The server starts in a JVM of its own as {@code lab servers} starts it, and warms up with the closed
 * model ({@link #WARMUP_CONNECTIONS} connections) until its CPU per answer is steady ({@link ServerWarmup}):
 * a closed model cannot build a backlog, whatever the server's capacity. Then its capacity is measured
 * ({@link Capacity}) unless given. Then the overload is rehearsed, shorter ({@link #REHEARSAL_OVER} at twice the
 * capacity, {@link #REHEARSAL_AFTER} at half), and the server warmed up again until steady: a JVM's first overload
 * runs code no warm-up ran (clients that give up, connections closed and opened by the thousand), and the server,
 * the backend and this generator each spent about a quarter of a core compiling it for some 25 s, which was
 * measured as a slow recovery. Every second of the measured run records the p99 of the answers that ended in
 * it and the errors and timeouts counted in it ({@link Recovery.Second}). After the run the server must
 * still be alive and answer {@code /hello} within {@link #HELLO_WAIT}, the time it may need to work off
 * the requests still queued inside it.
 */
public final class OverloadRun {
    static final int WARMUP_CONNECTIONS = 16;
    static final Duration HELLO_WAIT = Duration.ofSeconds(30);
    /** The rehearsal's time at twice the capacity, at most: the plan's own, if shorter. */
    static final Duration REHEARSAL_OVER = Duration.ofSeconds(5);
    /** The rehearsal's time at half the capacity, at most: the plan's own, if shorter. */
    static final Duration REHEARSAL_AFTER = Duration.ofSeconds(10);

    private OverloadRun() {
    }

    /** What to run: the endpoint, the capacity (null: measure it), the two phases and the limits of the load. */
    public record Plan(Endpoint endpoint, String pathAndQuery, Double capacityPerSec, Duration over, Duration after, Duration warmup,
                       int connections, Duration timeout, Duration slo) {
    }

    /** Runs one server (its flags include {@code --backend}) on the placement's server CPUs, printing progress lines on {@code err}. */
    public static OverloadResult run(PrintWriter err, ServerBench.Setup setup, Plan plan, CpuPlacement placement) {
        try (ServerProcess server = ServerProcess.start(setup.id(), setup.flags(), placement)) {
            URI target = URI.create("http://127.0.0.1:" + server.port() + plan.pathAndQuery());
            ServerWarmup warmup = warmUp(server, target, plan);
            err.printf(Locale.ROOT, "  %s: %s after its warm-up (%s)%n", setup.label(), warmup.steady() ? "steady" : "NOT steady",
                    warmup.describe());
            Capacity.Found capacity = plan.capacityPerSec() != null ? new Capacity.Found(plan.capacityPerSec(), "given")
                    : Capacity.measure(target, plan.connections(), plan.timeout());
            err.printf(Locale.ROOT, "  %s: capacity %,.0f/s (%s)%n", setup.label(), capacity.perSec(), capacity.steps());
            if (capacity.perSec() < 2) {
                throw new UserException(UserException.FAILED, setup.label() + " answered under 2 requests/s (" + capacity.steps()
                        + "): no overload to run");
            }
            OverloadResult.Rehearsal rehearsal = rehearse(server, target, plan, capacity.perSec());
            err.printf(Locale.ROOT, "  %s: rehearsed: %,.0f/s for %d s, then %,.0f/s for %d s: %,d answered, %,d errors, %,d timeouts;"
                            + " then %s after a warm-up%n", setup.label(), rehearsal.overPerSec(), rehearsal.overMillis() / 1000,
                    rehearsal.afterPerSec(), rehearsal.afterMillis() / 1000, rehearsal.answered(), rehearsal.errors(), rehearsal.timeouts(),
                    rehearsal.steadyAfter() ? "steady" : "NOT steady");
            RateStep over = new RateStep(2 * capacity.perSec(), plan.over());
            RateStep after = new RateStep(capacity.perSec() / 2, plan.after());
            LoadSettings settings = stepDown(target, over, after, plan);
            List<Recovery.Second> timeline = new ArrayList<>();
            AtomicLong peakThreads = new AtomicLong(server.threads());
            long[] failedBefore = {0};
            HostSteal.Ticks[] hostBefore = {HostSteal.now()};
            LoadResult load = LoadGenerator.run(settings, p -> {
                timeline.add(second(timeline.size() + 1, p, failedBefore, hostBefore, server.openFiles()));
                peakThreads.accumulateAndGet(server.threads(), Math::max);
                if (timeline.size() % 5 == 0) {
                    err.printf(Locale.ROOT, "  ... %s at %,.0f/s: %d s, %,d answered, %,d errors, %,d timeouts%n", setup.label(),
                            p.elapsedMillis() < plan.over().toMillis() ? over.ratePerSec() : after.ratePerSec(), timeline.size(),
                            p.completed(), p.errors(), p.timeouts());
                }
            });
            Long helloMillis = server.isAlive() ? helloWithin(server.port(), HELLO_WAIT) : null;
            boolean alive = server.isAlive();
            int drop = (int) plan.over().toSeconds();
            OptionalInt recovery = Recovery.seconds(timeline, drop, drop + (int) plan.after().toSeconds(), plan.slo());
            return new OverloadResult(setup.id().id(), setup.label(), plan.endpoint(), plan.pathAndQuery(), capacity.perSec(),
                    capacity.steps(), over.ratePerSec(), plan.over().toMillis(), after.ratePerSec(), plan.after().toMillis(),
                    warmup.steady(), placement.placed() ? load.withCpus(placement.toSpec()) : load, load.scheduled() - load.completed() - load.errors() - load.timeouts(), timeline,
                    recovery.isPresent() ? recovery.getAsInt() : null, alive, helloMillis, server.rssMb(), peakThreads.get(),
                    plan.slo().toMillis(), Recovery.verdict(alive && helloMillis != null, recovery), rehearsal);
        }
    }

    /** The closed-model warm-up until the server's CPU per answer is steady (none with a zero warm-up). */
    private static ServerWarmup warmUp(ServerProcess server, URI target, Plan plan) {
        ServerWarmup warmup = new ServerWarmup(server::cpuMillis, plan.warmup());
        if (!plan.warmup().isZero()) {
            LoadGenerator.run(LoadSettings.closed(target, WARMUP_CONNECTIONS, warmup.runLength()).withTimeout(plan.timeout()), p -> { },
                    warmup);
        }
        return warmup;
    }

    /** The overload, shorter, so that its code is compiled before the measured one; then warmed up again. */
    private static OverloadResult.Rehearsal rehearse(ServerProcess server, URI target, Plan plan, double capacityPerSec) {
        RateStep over = new RateStep(2 * capacityPerSec, min(REHEARSAL_OVER, plan.over()));
        RateStep after = new RateStep(capacityPerSec / 2, min(REHEARSAL_AFTER, plan.after()));
        LoadResult load = LoadGenerator.run(stepDown(target, over, after, plan), p -> { });
        ServerWarmup again = warmUp(server, target, plan);
        return new OverloadResult.Rehearsal(over.ratePerSec(), over.duration().toMillis(), after.ratePerSec(), after.duration().toMillis(),
                load.completed(), load.errors(), load.timeouts(), again.steady());
    }

    /** One open-model run at {@code over}'s rate, then {@code after}'s without a pause, within the plan's connections and timeout. */
    private static LoadSettings stepDown(URI target, RateStep over, RateStep after, Plan plan) {
        return LoadSettings.open(target, over.ratePerSec(), over.duration()).withSteps(List.of(over, after))
                .withConnections(plan.connections()).withTimeout(plan.timeout());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * The second that just closed, from the report at its end; failures are the errors and timeouts added since the
     * last one, the steal time is the host's share of the CPU since the last one, and {@code openFiles} the server's
     * now (-1: not known).
     */
    private static Recovery.Second second(int number, Progress p, long[] failedBefore, HostSteal.Ticks[] hostBefore, long openFiles) {
        long failed = p.errors() + p.timeouts();
        HostSteal.Ticks host = HostSteal.now();
        Recovery.Second s = new Recovery.Second(number, p.interval().getTotalCount(),
                p.interval().getTotalCount() == 0 ? 0 : p.interval().getValueAtPercentile(99), failed - failedBefore[0],
                host.percentSince(hostBefore[0]), openFiles < 0 ? null : openFiles);
        failedBefore[0] = failed;
        hostBefore[0] = host;
        return s;
    }

    /** Milliseconds until the server answered GET /hello with 200, trying for at most {@code wait}; null if it never did. */
    static Long helloWithin(int port, Duration wait) {
        URI hello = URI.create("http://127.0.0.1:" + port + "/hello");
        long start = System.nanoTime();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            while (System.nanoTime() - start < wait.toNanos()) {
                try {
                    HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(hello).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (answer.statusCode() == 200) {
                        return (System.nanoTime() - start) / 1_000_000;
                    }
                } catch (java.io.IOException e) {
                    // still busy, or gone: try again until the wait is over
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }
}
