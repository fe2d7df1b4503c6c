package dev.tva.load;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one load run does, validated once: a wrong value is an {@link IllegalArgumentException} whose
 * message says what is wrong and what is accepted. Start from {@link #open} or {@link #closed} and
 * change the rest with the {@code with...} methods.
 *
 * @param uri           the one URL every request GETs: {@code http://HOST:PORT/PATH?QUERY} (plain HTTP/1.1)
 * @param model         open (fixed arrival rate) or closed (each connection waits for its answer)
 * @param ratePerSec    open model: requests per second, spread evenly; ignored (0) for the closed model
 * @param duration      how long requests are sent and measured, after the warm-up
 * @param connections   open model: most connections, opened on demand; closed model: exactly this many
 * @param timeout       a request without an answer this long after its latency starts is a timeout
 * @param warmup        the same load first, for this long, not measured (JIT, connections); zero skips it
 * @param loops         event loops that send and receive; the connections are split evenly between them, and in the
 *                      open model each request goes to whichever loop takes it first from their shared schedule
 * @param lateThreshold open model: a request sent more than this after its intended time counts as late
 * @param steps         open model: the measured part as steps of constant rate, one after another (the first
 *                      one's rate is {@code ratePerSec}, their durations add up to {@code duration}); a single
 *                      step unless {@link #withSteps} made more; empty for the closed model
 * @param transport     how the event loops reach their sockets: epoll where this machine can load it, else NIO
 */
public record LoadSettings(URI uri, LoadModel model, double ratePerSec, Duration duration, int connections,
                           Duration timeout, Duration warmup, int loops, Duration lateThreshold, List<RateStep> steps,
                           Transport transport) {

    /**
     * Open model: 1,000 connections. By Little's law that carries, for example, 2,000/s at 500 ms or
     * 20,000/s at 50 ms; sockets are only opened when every open one is busy.
     */
    public static final int DEFAULT_CONNECTIONS = 1_000;
    /** Closed model: 16 connections, so 16 requests in flight at any time. */
    public static final int DEFAULT_CLOSED_CONNECTIONS = 16;
    /** 10 s: far above any latency the lab's servers should show, short enough that a hung run ends. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * 10 ms: the pacing tick wakes about once a millisecond and a young-GC pause on a busy machine takes a
     * few, so a request later than this was held back by something real (no free connection, or a
     * generator short of CPU), not by the clock's granularity.
     */
    public static final Duration DEFAULT_LATE_THRESHOLD = Duration.ofMillis(10);
    /** The highest rate accepted: one process cannot pace more than this honestly. */
    public static final double MAX_RATE_PER_SEC = 1_000_000;
    /** The longest run accepted. */
    public static final Duration MAX_DURATION = Duration.ofHours(1);

    public LoadSettings {
        Objects.requireNonNull(model, "model");
        checkUrl(uri);
        if (model == LoadModel.OPEN && !(ratePerSec > 0 && ratePerSec <= MAX_RATE_PER_SEC)) {
            throw new IllegalArgumentException("rate must be above 0 and at most " + (long) MAX_RATE_PER_SEC + " per second, got " + ratePerSec);
        }
        check(duration, "duration", Duration.ofMillis(1));
        check(timeout, "timeout", Duration.ofMillis(1));
        check(lateThreshold, "late threshold", Duration.ofMillis(1));
        Objects.requireNonNull(warmup, "warmup");
        if (warmup.isNegative() || warmup.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("warm-up must be 0 to 1 h, got " + warmup);
        }
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1, got " + connections);
        }
        if (loops < 1) {
            throw new IllegalArgumentException("loops must be at least 1, got " + loops);
        }
        Objects.requireNonNull(transport, "transport");
        transport.checkAvailable();
        if (model == LoadModel.CLOSED) {
            ratePerSec = 0;
            if (steps != null && !steps.isEmpty()) {
                throw new IllegalArgumentException("rate steps need the open model: the closed model has no rate");
            }
            steps = List.of();
        } else if (steps == null || steps.isEmpty()) {
            steps = List.of(new RateStep(ratePerSec, duration));
        } else {
            steps = List.copyOf(steps);
            Duration sum = steps.stream().map(RateStep::duration).reduce(Duration.ZERO, Duration::plus);
            if (steps.getFirst().ratePerSec() != ratePerSec || !sum.equals(duration)) {
                throw new IllegalArgumentException("steps must start at the rate (" + ratePerSec + "/s) and add up to the duration ("
                        + duration.toMillis() + " ms)");
            }
        }
    }

    /**
     * Open model with the defaults: {@value #DEFAULT_CONNECTIONS} connections, 10 s timeout, no warm-up, one loop per core,
     * the {@linkplain Transport#best() best transport} here.
     */
    public static LoadSettings open(URI uri, double ratePerSec, Duration duration) {
        return new LoadSettings(uri, LoadModel.OPEN, ratePerSec, duration, DEFAULT_CONNECTIONS, DEFAULT_TIMEOUT,
                Duration.ZERO, Runtime.getRuntime().availableProcessors(), DEFAULT_LATE_THRESHOLD, null, Transport.best());
    }

    /** Closed model: {@code connections} requests always in flight, 10 s timeout, no warm-up, one loop per core, the best transport. */
    public static LoadSettings closed(URI uri, int connections, Duration duration) {
        return new LoadSettings(uri, LoadModel.CLOSED, 0, duration, connections, DEFAULT_TIMEOUT,
                Duration.ZERO, Runtime.getRuntime().availableProcessors(), DEFAULT_LATE_THRESHOLD, null, Transport.best());
    }

    public LoadSettings withConnections(int connections) {
        return new LoadSettings(uri, model, ratePerSec, duration, connections, timeout, warmup, loops, lateThreshold, steps, transport);
    }

    public LoadSettings withTimeout(Duration timeout) {
        return new LoadSettings(uri, model, ratePerSec, duration, connections, timeout, warmup, loops, lateThreshold, steps, transport);
    }

    public LoadSettings withWarmup(Duration warmup) {
        return new LoadSettings(uri, model, ratePerSec, duration, connections, timeout, warmup, loops, lateThreshold, steps, transport);
    }

    public LoadSettings withLoops(int loops) {
        return new LoadSettings(uri, model, ratePerSec, duration, connections, timeout, warmup, loops, lateThreshold, steps, transport);
    }

    public LoadSettings withLateThreshold(Duration lateThreshold) {
        return new LoadSettings(uri, model, ratePerSec, duration, connections, timeout, warmup, loops, lateThreshold, steps, transport);
    }

    /** The same run on another transport; epoll where this machine cannot load it is an {@link IllegalArgumentException}. */
    public LoadSettings withTransport(Transport transport) {
        return new LoadSettings(uri, model, ratePerSec, duration, connections, timeout, warmup, loops, lateThreshold, steps, transport);
    }

    /**
     * The open model in steps of constant rate, one after another with no pause between them, e.g. twice a
     * server's capacity for 30 s, then half of it: the rate is the first step's, the duration their sum, and
     * the warm-up (if any) runs at the first step's rate.
     */
    public LoadSettings withSteps(List<RateStep> steps) {
        if (steps == null || steps.isEmpty()) {
            throw new IllegalArgumentException("at least one rate step is needed");
        }
        Duration sum = steps.stream().map(RateStep::duration).reduce(Duration.ZERO, Duration::plus);
        return new LoadSettings(uri, model, steps.getFirst().ratePerSec(), sum, connections, timeout, warmup, loops, lateThreshold, steps, transport);
    }

    /** Event loops actually used: never more than connections, so every loop owns at least one. */
    public int effectiveLoops() {
        return Math.min(loops, connections);
    }

    /** The path and query every request asks for, e.g. {@code /io?ms=50}. */
    public String pathAndQuery() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /**
     * Parses a target URL. Accepted: {@code http://HOST:PORT}, optionally followed by a path and query;
     * the port is required, so the command line shows exactly which server is loaded.
     */
    public static URI parseUrl(String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(notAUrl(text));
        }
        checkUrl(uri);
        return uri;
    }

    private static void checkUrl(URI uri) {
        Objects.requireNonNull(uri, "uri");
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0 || uri.getPort() > 65_535
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(notAUrl(uri.toString()));
        }
    }

    private static String notAUrl(String text) {
        return "'" + text + "' is not an http://HOST:PORT/PATH URL (plain HTTP with an explicit port, e.g. http://127.0.0.1:8080/io?ms=50)";
    }

    private static void check(Duration d, String name, Duration min) {
        Objects.requireNonNull(d, name);
        if (d.compareTo(min) < 0 || d.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException(name + " must be " + min.toMillis() + " ms to 1 h, got " + d.toMillis() + " ms");
        }
    }
}
