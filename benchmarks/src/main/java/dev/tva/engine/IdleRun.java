package dev.tva.engine;

import dev.tva.load.LoadGenerator;
import dev.tva.load.LoadResult;
import dev.tva.load.LoadSettings;
import dev.tva.workloads.web.Endpoint;
import dev.tva.workloads.web.ServerLimits;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * One server holding many idle keep-alive connections ({@link IdleConnections}) while the load generator
 * sends a modest open-model load beside them: the threads-vs-async lesson in memory and threads. A server
 * that parks a thread per connection shows it in its thread count; one whose connections wait in a
 * selector shows only the buffers.
 *
 * <p>In order: the server starts in its own JVM and warms up as {@code lab servers} warms it ({@link
 * ServerBench#warmUp}); its RSS and threads are read; the idle connections are opened and each served
 * once; RSS and threads again; then the load for its duration ({@link ServerBench#RAMP_UP} unmeasured
 * first); then the idle connections still open are counted. Servers close a connection idle for
 * {@link ServerLimits#IDLE_TIMEOUT}, so opening, ramp-up and load must end before it: the result says how
 * long the first connection had been silent at the count.
 */
public final class IdleRun {
    /** Time after opening the idle connections before RSS and threads are read, so the server has settled. */
    static final Duration SETTLE = Duration.ofSeconds(1);

    private IdleRun() {
    }

    /** What to run: the loaded endpoint, the idle connections, the load beside them and its limits. */
    public record Plan(Endpoint endpoint, String pathAndQuery, int idle, double ratePerSec, Duration duration, Duration warmup,
                       int connections, Duration timeout, Duration slo) {
    }

    /** Runs one server (its flags include {@code --backend}), printing progress lines on {@code err}. */
    public static IdleResult run(PrintWriter err, ServerBench.Setup setup, Plan plan) throws InterruptedException {
        try (ServerProcess server = ServerProcess.start(setup.id(), setup.flags())) {
            String refusal = OpenFiles.of(server.pid()).refusal(setup.label(), (long) plan.idle() + plan.connections());
            if (refusal != null) {
                throw new UserException(UserException.BAD_INPUT, refusal);
            }
            URI target = URI.create("http://127.0.0.1:" + server.port() + plan.pathAndQuery());
            ServerBench.Plan warm = new ServerBench.Plan(plan.endpoint(), plan.pathAndQuery(), List.of((int) Math.ceil(plan.ratePerSec())),
                    plan.duration(), plan.warmup(), plan.connections(), plan.timeout(), plan.slo());
            ServerBench.Warmed warmed = ServerBench.warmUp(err, server, setup, warm, target);
            Thread.sleep(SETTLE);
            long rssBefore = server.rssMb();
            long threadsBefore = server.threads();
            long opening = System.nanoTime();
            try (IdleConnections idle = IdleConnections.open(server.port(), plan.idle(), plan.timeout())) {
                long openMillis = (System.nanoTime() - opening) / 1_000_000;
                err.printf(Locale.ROOT, "  %s: %,d idle connections served in %.1f s, %,d failed%s%n", setup.label(),
                        plan.idle() - idle.failed(), openMillis / 1000.0, idle.failed(),
                        idle.firstFailure() == null ? "" : " (first: " + idle.firstFailure() + ")");
                Thread.sleep(SETTLE);
                long rssWith = server.rssMb();
                long threadsWith = server.threads();
                LoadResult load = LoadGenerator.run(LoadSettings.open(target, plan.ratePerSec(), plan.duration())
                        .withWarmup(ServerBench.RAMP_UP).withConnections(plan.connections()).withTimeout(plan.timeout()), p -> { });
                int stillOpen = idle.stillOpen();
                long silentMillis = idle.firstServedNanos() == 0 ? 0 : (System.nanoTime() - idle.firstServedNanos()) / 1_000_000;
                boolean alive = server.isAlive();
                int served = plan.idle() - idle.failed();
                return new IdleResult(setup.id().id(), setup.label(), plan.endpoint(), plan.pathAndQuery(), plan.idle(), served,
                        idle.failed(), idle.firstFailure(), stillOpen, silentMillis, openMillis, rssBefore, rssWith, threadsBefore,
                        threadsWith, warmed.steady(), load, alive, plan.slo().toMillis(),
                        IdleResult.Verdict.of(alive, plan.idle(), served, stillOpen, load, plan.slo().toMillis()));
            }
        }
    }
}
