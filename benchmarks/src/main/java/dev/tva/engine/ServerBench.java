package dev.tva.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tva.load.Fault;
import dev.tva.load.LoadGenerator;
import dev.tva.load.LoadResult;
import dev.tva.load.LoadSettings;
import dev.tva.workloads.CpuPlacement;
import dev.tva.workloads.Environment;
import dev.tva.workloads.LatencySummary;
import dev.tva.workloads.web.Endpoint;
import dev.tva.workloads.web.ServerId;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Servers under open-model load, as {@code lab servers} and the tour run them: each server in a JVM of
 * its own, the backend in another, the load generator in this one; every rate in turn, and what the
 * server process, and the generator itself, used meanwhile.
 *
 * <p>A fresh server JVM (and, for the first server, the generator) is still compiling when the load
 * starts, so each server warms up before any rate is measured: one window at a quarter and one at half
 * of its warm-up rate, each drained before the next (a cold generator started at the full rate builds a
 * backlog), then windows at that rate until steady ({@link ServerWarmup}), at most {@link Plan#warmup()}
 * in all. The warm-up rate is the first rate, or {@link #BELOW_BOUND} of the server's bound when that is
 * lower: beyond its bound a server has no steady state, only a growing queue. Then every rate, the first
 * included, is measured the same way: after the server has drained what came before ({@link #settle}),
 * {@link #RAMP_UP} of unmeasured load to open connections, then the measured duration.
 */
public final class ServerBench {
    /** Time between two rates, so a backlog left by one does not spill into the next. */
    private static final Duration SETTLE = Duration.ofSeconds(1);
    /**
     * Unmeasured load at each rate before its measurement: each run opens its own connections, and without
     * this the first requests of every rate would wait for connections being opened and count as late.
     */
    public static final Duration RAMP_UP = Duration.ofSeconds(2);
    /** The step-up of the warm-up: one window at each of these fractions of the warm-up rate. */
    private static final double[] STEPS = {0.25, 0.5};
    /** A server with a bound warms up at no more than this share of it. */
    static final double BELOW_BOUND = 0.8;
    /** The longest wait for a server to work off the backlog of the previous rate. */
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(60);
    /** An answer to /hello this fast means the server's queue is empty again. */
    private static final Duration QUICK = Duration.ofMillis(50);

    private ServerBench() {
    }

    /**
     * One server as it is started: its id, its flags, a label for the table, and its capacity in requests
     * per second when a fixed number of threads bounds it (Little's law), else null.
     */
    public record Setup(ServerId id, List<String> flags, String label, Double boundPerSec) {

        /** The same setup with {@code --backend URI} first among its flags: the backend its server calls. */
        public Setup calling(URI backend) {
            List<String> withBackend = new ArrayList<>(List.of("--backend", backend.toString()));
            withBackend.addAll(flags);
            return new Setup(id, withBackend, label, boundPerSec);
        }
    }

    /**
     * What to load: one endpoint's path and query, and the rates, durations and limits of the load.
     * {@code warmup} caps each server's warm-up before its first rate, step-up included; zero skips it
     * (only the ramp-up is left, and the rows say not steady).
     */
    public record Plan(Endpoint endpoint, String pathAndQuery, List<Integer> rates, Duration duration, Duration warmup,
                int connections, Duration timeout, Duration slo) {

        /** The same plan with the endpoint given by its id, e.g. {@code "io"}. */
        public Plan(String endpoint, String pathAndQuery, List<Integer> rates, Duration duration, Duration warmup,
             int connections, Duration timeout, Duration slo) {
            this(Endpoint.fromId(endpoint), pathAndQuery, rates, duration, warmup, connections, timeout, slo);
        }
    }

    /**
     * One row: a server at one rate. Written to results JSON as is. {@code late} is the sum of
     * {@code lateNoConnection} (every connection busy: the server's doing) and {@code lateGenerator}
     * (the generator's own ticks came late); {@code faults} says, typed, why a row is invalid;
     * {@code steady} whether the server's warm-up settled, and {@code warmupMillis} how long that warm-up
     * took (the same for all of a server's rows); {@code generatorCpuMillis} and
     * {@code generatorMaxGcPauseMillis} are this JVM's during the measured part; {@code cpus} is the
     * placement as {@code --cpus} names it, null when not placed; {@code hostStealPercent} the share of the
     * machine's CPU its host took during the measured part ({@link dev.tva.load.HostSteal}), null when unknown
     * and in results written before it was; {@code kernelMonitorPercent} the share the kernel's data-access monitor
     * (DAMON's {@code kdamond}) took meanwhile ({@link dev.tva.load.KernelMonitor}), null when the machine runs
     * none and in results written before it was.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String server, String label, Endpoint endpoint, String path, double targetPerSec, double achievedPerSec,
               Double boundPerSec, LatencySummary latencyMicros, long sent, long completed, long errors, long timeouts,
               long late, long lateNoConnection, long lateGenerator, boolean valid, String invalidReason, List<Fault> faults,
               boolean steady, long warmupMillis, long serverCpuMillis, long serverRssMb, long serverPeakThreads,
               long backendCpuMillis, long generatorCpuMillis, long generatorMaxGcPauseMillis, long durationMillis,
               String latencyFrom, Environment env, String cpus, Double hostStealPercent, Double kernelMonitorPercent) {

        public boolean meets(Duration slo) {
            return valid && latencyMicros.p99() <= slo.toNanos() / 1_000;
        }

        /** True when over 1% of the requests left late for the generator's own reasons (its schedule slipped). */
        public boolean generatorLimited() {
            return faults.contains(Fault.GENERATOR_BEHIND);
        }
    }

    /** Runs every setup at every rate of {@code plan}, printing a progress line now and then on {@code err}. */
    public static List<Row> run(PrintWriter err, URI backendUri, LongSupplier backendCpuMillis, List<Setup> setups, Plan plan) {
        return run(err, backendUri, backendCpuMillis, setups, plan, CpuPlacement.NONE);
    }

    /** The same, each server on the CPUs {@code placement} gives the server (rows record it as {@code cpus}). */
    public static List<Row> run(PrintWriter err, URI backendUri, LongSupplier backendCpuMillis, List<Setup> setups, Plan plan,
                         CpuPlacement placement) {
        List<Row> rows = new ArrayList<>();
        for (Setup setup : setups) {
            try (ServerProcess server = ServerProcess.start(setup.id(), setup.calling(backendUri).flags(), placement)) {
                URI target = URI.create("http://127.0.0.1:" + server.port() + plan.pathAndQuery());
                Warmed warmed = warmUp(err, server, setup, plan, target);
                for (int rate : plan.rates()) {
                    if (!server.isAlive()) {
                        err.println("  " + setup.label() + " exited during the run; its remaining rates are skipped");
                        break;
                    }
                    settle(server);
                    rows.add(measure(err, server, backendCpuMillis, setup, plan, target, rate, warmed, placement));
                }
            }
        }
        return rows;
    }

    /** How a server's warm-up went: whether its windows settled, and how long it took. */
    record Warmed(boolean steady, long millis) {
    }

    /** Warms a fresh server up (see the class comment), printing one line on {@code err} about how it went. */
    static Warmed warmUp(PrintWriter err, ServerProcess server, Setup setup, Plan plan, URI target) {
        if (plan.warmup().isZero()) {
            return new Warmed(false, 0);
        }
        long started = System.nanoTime();
        int first = plan.rates().get(0);
        double rate = setup.boundPerSec() == null ? first : Math.min(first, BELOW_BOUND * setup.boundPerSec());
        for (double step : STEPS) {
            LoadGenerator.run(settings(plan, target, rate * step, ServerWarmup.WINDOW), p -> { });
        }
        Duration left = plan.warmup().minusNanos(System.nanoTime() - started);
        ServerWarmup warmup = new ServerWarmup(server::cpuMillis, left.isNegative() ? Duration.ZERO : left);
        if (!left.minus(ServerWarmup.WINDOW).isNegative() && server.isAlive()) {
            long[] lastPrinted = {0};
            LoadGenerator.run(settings(plan, target, rate, warmup.runLength()), p -> {
                if (p.elapsedMillis() - lastPrinted[0] >= 5_000) {
                    lastPrinted[0] = p.elapsedMillis();
                    err.printf(Locale.ROOT, "  ... %s warming up at %,.0f/s: %d s, %,.0f answers/s%n", setup.label(), rate,
                            p.elapsedMillis() / 1000, p.answersPerSec());
                }
            }, warmup);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        err.printf(Locale.ROOT, "  %s: %s after %.0f s of warm-up up to %,.0f/s (%s)%n", setup.label(),
                warmup.steady() ? "steady" : "NOT steady", millis / 1000.0, rate, warmup.describe());
        return new Warmed(warmup.steady(), millis);
    }

    private static LoadSettings settings(Plan plan, URI target, double rate, Duration duration) {
        return LoadSettings.open(target, rate, duration).withConnections(plan.connections()).withTimeout(plan.timeout());
    }

    /** One rate: {@link #RAMP_UP} unmeasured, then the measured duration, with the server's and the generator's figures. */
    private static Row measure(PrintWriter err, ServerProcess server, LongSupplier backendCpuMillis, Setup setup, Plan plan,
                               URI target, int rate, Warmed warmed, CpuPlacement placement) {
        LoadSettings settings = settings(plan, target, rate, plan.duration()).withWarmup(RAMP_UP);
        AtomicLong peakThreads = new AtomicLong(server.threads());
        long[] cpuAtStart = {-1};
        long[] backendCpuAtStart = {-1};
        boolean[] measuring = {false};
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("server-sampler").factory());
        sampler.scheduleAtFixedRate(() -> peakThreads.accumulateAndGet(server.threads(), Math::max), 0, 100, TimeUnit.MILLISECONDS);
        long[] lastPrinted = {0};
        LoadResult result;
        try {
            result = LoadGenerator.run(settings, p -> {
                if (!p.warmingUp() && !measuring[0]) { // the ramp-up is over (it ends on a report): count from here
                    measuring[0] = true;
                    cpuAtStart[0] = server.cpuMillis();
                    backendCpuAtStart[0] = backendCpuMillis.getAsLong();
                    peakThreads.set(server.threads());
                }
                if (p.elapsedMillis() - lastPrinted[0] >= 5_000) {
                    lastPrinted[0] = p.elapsedMillis();
                    err.printf(Locale.ROOT, "  ... %s at %,d/s: %s, %,d answered, %,d errors, %,d late%n", setup.label(), rate,
                            p.elapsedMillis() <= p.totalMillis() ? (p.elapsedMillis() / 1000) + " of " + (p.totalMillis() / 1000) + " s"
                                    : "waiting for the last answers", p.completed(), p.errors(), p.late());
                }
            });
        } finally {
            sampler.shutdownNow();
        }
        // CPU from the end of the ramp-up to the last answer.
        long cpu = cpuAtStart[0] < 0 ? -1 : server.cpuMillis() - cpuAtStart[0];
        long backendCpu = backendCpuAtStart[0] < 0 ? -1 : backendCpuMillis.getAsLong() - backendCpuAtStart[0];
        long generatorCpu = result.generatorCpuMillis();
        long generatorPause = result.generatorLongestGcPauseMillis();
        return new Row(setup.id().id(), setup.label(), plan.endpoint(), plan.pathAndQuery(), settings.ratePerSec(),
                result.achievedPerSec(), setup.boundPerSec(), result.latencyMicros(), result.sent(), result.completed(),
                result.errors(), result.timeouts(), result.late(), result.lateNoConnection(), result.lateGenerator(),
                result.valid(), result.invalidReason(), result.faults(), warmed.steady(), warmed.millis(), cpu,
                server.rssMb(), peakThreads.get(), backendCpu, generatorCpu, generatorPause, result.durationMillis(),
                result.latencyFrom(), result.env(), placement.placed() ? placement.toSpec() : null, result.hostStealPercent(),
                result.kernelMonitorPercent());
    }

    /**
     * Waits until the server answers {@code /hello} quickly again (at most {@link #SETTLE_LIMIT}): a rate
     * the server could not keep up with leaves a backlog in its queue, which would otherwise be charged
     * to the next rate.
     */
    private static void settle(ServerProcess server) {
        sleep(SETTLE);
        URI hello = URI.create("http://127.0.0.1:" + server.port() + "/hello");
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            while (System.nanoTime() < deadline) {
                long start = System.nanoTime();
                try {
                    HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(hello).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (answer.statusCode() == 200 && System.nanoTime() - start < QUICK.toNanos()) {
                        return;
                    }
                } catch (IOException e) {
                    // still busy (or timed out): try again
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                sleep(Duration.ofMillis(200));
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
