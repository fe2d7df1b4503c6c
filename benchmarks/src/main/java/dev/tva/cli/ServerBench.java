package dev.tva.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tva.load.LoadGenerator;
import dev.tva.load.LoadResult;
import dev.tva.load.LoadSettings;
import dev.tva.workloads.CpuPlacement;
import dev.tva.workloads.Environment;
import dev.tva.workloads.LatencySummary;
import dev.tva.workloads.web.ServerId;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Servers under open-model load, as {@code lab servers} and the tour run them: each server in a JVM of
 * its own, the backend in another, the load generator in this one; every rate in turn, and what the
 * server process used meanwhile, read from the operating system.
 */
final class ServerBench {
    /** Time between two rates, so a backlog left by one does not spill into the next. */
    private static final Duration SETTLE = Duration.ofSeconds(1);
    /**
     * Unmeasured load at each rate before its measurement: each run opens its own connections, and without
     * this the first requests of every rate would wait for connections being opened and count as late.
     */
    static final Duration RAMP_UP = Duration.ofSeconds(2);
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
    record Setup(ServerId id, List<String> flags, String label, Double boundPerSec) {
    }

    /** What to load: one endpoint's path and query, and the rates, durations and limits of the load. */
    record Plan(String endpoint, String pathAndQuery, List<Integer> rates, Duration duration, Duration warmup,
                int connections, Duration timeout, Duration slo) {
    }

    /** One row: a server at one rate; {@code cpus} is the placement as {@code --cpus} names it, null when not placed. Written to results JSON as is. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Row(String server, String label, String endpoint, String path, double targetPerSec, double achievedPerSec,
               Double boundPerSec, LatencySummary latencyMicros, long sent, long completed, long errors, long timeouts,
               long late, boolean valid, String invalidReason, long serverCpuMillis, long serverRssMb,
               long serverPeakThreads, long backendCpuMillis, long durationMillis, String latencyFrom, Environment env,
               String cpus) {

        boolean meets(Duration slo) {
            return valid && latencyMicros.p99() <= slo.toNanos() / 1_000;
        }
    }

    /** Runs every setup at every rate of {@code plan}, printing a progress line now and then on {@code err}. */
    static List<Row> run(PrintWriter err, URI backendUri, LongSupplier backendCpuMillis, List<Setup> setups, Plan plan) {
        return run(err, backendUri, backendCpuMillis, setups, plan, CpuPlacement.NONE);
    }

    /** The same, each server on the CPUs {@code placement} gives the server (rows record it as {@code cpus}). */
    static List<Row> run(PrintWriter err, URI backendUri, LongSupplier backendCpuMillis, List<Setup> setups, Plan plan,
                         CpuPlacement placement) {
        List<Row> rows = new ArrayList<>();
        for (Setup setup : setups) {
            List<String> flags = new ArrayList<>(List.of("--backend", backendUri.toString()));
            flags.addAll(setup.flags());
            try (ServerProcess server = ServerProcess.start(setup.id(), flags, placement)) {
                URI target = URI.create("http://127.0.0.1:" + server.port() + plan.pathAndQuery());
                boolean first = true;
                for (int rate : plan.rates()) {
                    if (!first) {
                        settle(server);
                    }
                    // The first rate's warm-up also warms the fresh server JVM (JIT, pools); later rates only ramp up.
                    Duration warmup = first ? max(plan.warmup(), RAMP_UP) : RAMP_UP;
                    first = false;
                    LoadSettings settings = LoadSettings.open(target, rate, plan.duration())
                            .withConnections(plan.connections()).withTimeout(plan.timeout()).withWarmup(warmup);
                    rows.add(measure(err, server, backendCpuMillis, setup, plan, settings, placement));
                    if (!server.isAlive()) {
                        err.println("  " + setup.label() + " exited during the run; its remaining rates are skipped");
                        break;
                    }
                }
            }
        }
        return rows;
    }

    private static Row measure(PrintWriter err, ServerProcess server, LongSupplier backendCpuMillis, Setup setup, Plan plan,
                               LoadSettings settings, CpuPlacement placement) {
        AtomicLong peakThreads = new AtomicLong(server.threads());
        long[] cpuAtStart = {server.cpuMillis()};
        long[] backendCpuAtStart = {backendCpuMillis.getAsLong()};
        boolean[] measuring = {settings.warmup().isZero()};
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("server-sampler").factory());
        sampler.scheduleAtFixedRate(() -> peakThreads.accumulateAndGet(server.threads(), Math::max), 0, 100, TimeUnit.MILLISECONDS);
        long[] lastPrinted = {0};
        LoadResult result;
        try {
            result = LoadGenerator.run(settings, p -> {
                if (!p.warmingUp() && !measuring[0]) { // the warm-up is over (within a second): count from here
                    measuring[0] = true;
                    cpuAtStart[0] = server.cpuMillis();
                    backendCpuAtStart[0] = backendCpuMillis.getAsLong();
                    peakThreads.set(server.threads());
                }
                if (p.elapsedMillis() - lastPrinted[0] >= 5_000) {
                    lastPrinted[0] = p.elapsedMillis();
                    err.printf(Locale.ROOT, "  ... %s at %,d/s: %s, %,d answered, %,d errors, %,d late%n", setup.label(),
                            Math.round(settings.ratePerSec()), p.elapsedMillis() <= p.totalMillis()
                                    ? (p.elapsedMillis() / 1000) + " of " + (p.totalMillis() / 1000) + " s"
                                    : "waiting for the last answers", p.completed(), p.errors(), p.late());
                }
            });
        } finally {
            sampler.shutdownNow();
        }
        // CPU from the end of the warm-up (seen at the first progress after it, within a second) to the last answer.
        long cpu = cpuAtStart[0] < 0 ? -1 : server.cpuMillis() - cpuAtStart[0];
        long backendCpu = backendCpuAtStart[0] < 0 ? -1 : backendCpuMillis.getAsLong() - backendCpuAtStart[0];
        return new Row(setup.id().id(), setup.label(), plan.endpoint(), plan.pathAndQuery(), settings.ratePerSec(),
                result.achievedPerSec(), setup.boundPerSec(), result.latencyMicros(), result.sent(), result.completed(),
                result.errors(), result.timeouts(), result.late(), result.valid(), result.invalidReason(), cpu,
                server.rssMb(), peakThreads.get(), backendCpu, result.durationMillis(), result.latencyFrom(), result.env(),
                placement.placed() ? placement.toSpec() : null);
    }

    /** The table of one endpoint: a row per server and rate. */
    static String table(List<Row> rows, String indent) {
        Table table = new Table("server", "rate/s", "achieved/s", "bound/s", "p50 ms", "p99 ms", "p99.9 ms", "max ms",
                "errors", "late", "cpu s", "rss MB", "threads", "run");
        for (Row r : rows) {
            table.row(r.label(), String.format(Locale.ROOT, "%,.0f", r.targetPerSec()),
                    String.format(Locale.ROOT, "%,.0f", r.achievedPerSec()),
                    r.boundPerSec() == null ? "-" : String.format(Locale.ROOT, "%,.0f", r.boundPerSec()),
                    millis(r.latencyMicros().p50()), millis(r.latencyMicros().p99()), millis(r.latencyMicros().p999()),
                    millis(r.latencyMicros().max()), String.format(Locale.ROOT, "%,d", r.errors() + r.timeouts()),
                    String.format(Locale.ROOT, "%,d", r.late()),
                    r.serverCpuMillis() < 0 ? "?" : String.format(Locale.ROOT, "%.1f", r.serverCpuMillis() / 1000.0),
                    r.serverRssMb() < 0 ? "?" : Long.toString(r.serverRssMb()),
                    r.serverPeakThreads() < 0 ? "?" : Long.toString(r.serverPeakThreads()),
                    r.valid() ? "valid" : "INVALID");
        }
        return table.render(indent);
    }

    /** Why each INVALID row is invalid, one line each. */
    static List<String> invalidReasons(List<Row> rows) {
        List<String> lines = new ArrayList<>();
        for (Row r : rows) {
            if (!r.valid()) {
                lines.add(String.format(Locale.ROOT, "%s at %,.0f/s: %s", r.label(), r.targetPerSec(), r.invalidReason()));
            }
        }
        return lines;
    }

    /** The highest rate at which each server's run was valid with p99 under the SLO; empty for a server that met none. */
    static Map<String, Optional<Double>> sustained(List<Row> rows, Duration slo) {
        Map<String, Optional<Double>> best = new LinkedHashMap<>();
        for (Row r : rows) {
            best.putIfAbsent(r.label(), Optional.empty());
            if (r.meets(slo)) {
                best.merge(r.label(), Optional.of(r.targetPerSec()),
                        (a, b) -> a.isEmpty() || b.get() > a.get() ? b : a);
            }
        }
        return best;
    }

    /** The SLO line: the highest rate each server sustains with p99 under it. */
    static String sloLine(List<Row> rows, Duration slo) {
        StringBuilder s = new StringBuilder("Highest rate with p99 under " + slo.toMillis() + " ms (and a valid run): ");
        List<String> parts = new ArrayList<>();
        sustained(rows, slo).forEach((label, rate) -> parts.add(label + " "
                + rate.map(r -> String.format(Locale.ROOT, "%,.0f/s", r)).orElse("none of the rates")));
        return s.append(String.join(", ", parts)).append('.').toString();
    }

    /** What to notice, computed from the rows: which servers hit a thread bound, and how close the rest came. */
    static String notice(List<Row> rows, Duration slo) {
        StringBuilder s = new StringBuilder("What to notice:");
        boolean said = false;
        for (Row r : rows) {
            if (r.boundPerSec() != null && r.targetPerSec() > r.boundPerSec() * 1.05) {
                Row worstOfServer = rows.stream().filter(x -> x.label().equals(r.label()))
                        .max(Comparator.comparingLong(x -> x.latencyMicros().p99())).orElse(r);
                s.append(String.format(Locale.ROOT,
                        " %s can serve at most %,.0f/s (threads / wait, Little's law); asked for %,.0f/s it served %,.0f/s and"
                                + " the rest queued: p99 reached %s ms.",
                        r.label(), r.boundPerSec(), r.targetPerSec(), r.achievedPerSec(), millis(worstOfServer.latencyMicros().p99())));
                said = true;
                break;
            }
        }
        Map<String, Optional<Double>> sustained = sustained(rows, slo);
        double top = rows.stream().mapToDouble(Row::targetPerSec).max().orElse(0);
        List<String> atTop = sustained.entrySet().stream().filter(e -> e.getValue().filter(v -> v >= top).isPresent())
                .map(Map.Entry::getKey).toList();
        if (!atTop.isEmpty()) {
            s.append(String.format(Locale.ROOT, " %s held p99 under %d ms up to the highest rate asked (%,.0f/s).",
                    String.join(", ", atTop), slo.toMillis(), top));
            said = true;
        }
        double bestAtTop = rows.stream().filter(r -> r.targetPerSec() == top).mapToDouble(Row::achievedPerSec).max().orElse(0);
        double worstAtTop = rows.stream().filter(r -> r.targetPerSec() == top).mapToDouble(Row::achievedPerSec).min().orElse(0);
        if (bestAtTop > 0 && rows.stream().filter(r -> r.targetPerSec() == top).count() > 1) {
            s.append(String.format(Locale.ROOT, " At %,.0f/s the servers answered between %,.0f/s and %,.0f/s (%.0f%% apart).",
                    top, worstAtTop, bestAtTop, 100 * (bestAtTop - worstAtTop) / bestAtTop));
            said = true;
        }
        if (rows.get(0).endpoint().equals("cpu")) {
            // CPU per answer from the server's own CPU time: the same work costs the same on every server.
            double least = Double.MAX_VALUE;
            double most = 0;
            for (Row r : rows) {
                if (r.serverCpuMillis() > 0 && r.completed() > 0) {
                    double perAnswer = r.serverCpuMillis() * 1000.0 / r.completed();
                    least = Math.min(least, perAnswer);
                    most = Math.max(most, perAnswer);
                }
            }
            if (most > 0) {
                s.append(String.format(Locale.ROOT, " The work is CPU: every server spent %,.0f to %,.0f us of CPU per answer,"
                        + " so none serves more than the cores allow, whatever runs the handlers: async gains nothing here.", least, most));
                said = true;
            }
        }
        return said ? s.toString() : "";
    }

    static String millis(long micros) {
        return micros >= 100_000 ? String.format(Locale.ROOT, "%,.0f", micros / 1000.0)
                : String.format(Locale.ROOT, "%.1f", micros / 1000.0);
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

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
