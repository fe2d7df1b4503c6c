package dev.tva.engine;

import dev.tva.load.LoadGenerator;
import dev.tva.load.LoadResult;
import dev.tva.load.LoadSettings;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures a server's capacity: the most answers per second it gives, found with closed-model runs that
 * double their connections until the answers per second stop growing.
 *
 * <p>Why this and not the highest rate within the SLO of an open-model ramp: the overload run is about
 * more work than the server can do at all, so its capacity is the saturation throughput, and a closed
 * model measures exactly that in one short run per step, without a backlog to drain between steps. Twice
 * it is then an overload for certain (half the requests cannot be served, whatever the latency), and half
 * of it leaves the server half its capacity to work off the backlog. Connections double from
 * {@link #FIRST} because a server's capacity needs enough requests in flight (Little's law: 2,000/s of
 * 50 ms waits need 100) but a thread-bound server only queues more with more: the search stops at the
 * first doubling that adds under {@link #GROWTH}, at the overload run's own connection limit, or when
 * requests time out. Each step is {@link #STEP} measured after {@link #STEP_WARMUP} unmeasured; the best
 * step's rate is the capacity. The server should be warmed up first: a cold JIT understates it.
 */
final class Capacity {
    static final int FIRST = 16;
    static final double GROWTH = 1.1;
    static final Duration STEP = Duration.ofSeconds(2);
    static final Duration STEP_WARMUP = Duration.ofSeconds(1);

    private Capacity() {
    }

    /** The capacity found, in answers per second, and the steps that found it, e.g. {@code 16 conns 310/s, 32 conns 620/s}. */
    record Found(double perSec, String steps) {
    }

    static Found measure(URI target, int maxConnections, Duration timeout) {
        double best = 0;
        List<String> steps = new ArrayList<>();
        for (int connections = Math.min(FIRST, maxConnections); ; connections = Math.min(2 * connections, maxConnections)) {
            LoadResult r = LoadGenerator.run(LoadSettings.closed(target, connections, STEP).withWarmup(STEP_WARMUP).withTimeout(timeout),
                    p -> { });
            steps.add(String.format(Locale.ROOT, "%,d conns %,.0f/s", connections, r.achievedPerSec()));
            boolean grew = r.achievedPerSec() >= GROWTH * best;
            best = Math.max(best, r.achievedPerSec());
            if (!grew || r.timeouts() > 0 || connections >= maxConnections) {
                String limit = grew && r.timeouts() == 0 ? "; still growing at the --connections limit: the capacity with "
                        + String.format(Locale.ROOT, "%,d", connections) + " in flight" : "";
                return new Found(best, String.join(", ", steps) + limit);
            }
        }
    }
}
