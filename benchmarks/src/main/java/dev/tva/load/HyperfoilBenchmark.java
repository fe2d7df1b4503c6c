package dev.tva.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/*
 * What maps to what (Hyperfoil 0.25). The open model is a constantRate phase without variance, that is with
 * evenly spaced arrivals, as lab load sends them (Hyperfoil's default spaces them at random). The closed model is an
 * always phase with one user per connection. --connections is both the connection pool (http.sharedConnections,
 * which Hyperfoil opens before the first phase, where lab load opens them on demand) and, for the open model,
 * maxSessions: at most that many requests in flight, as with HTTP/1.1 and no pipelining. The timeout is each
 * request's timeout (Hyperfoil counts it from the send, lab load from the intended send). The measured phase's
 * request carries an SLA of no errors and no invalid (non-2xx/3xx) answers; Hyperfoil's default SLA already fails
 * a run that waited for a free connection. A warm-up is a phase of its own, marked isWarmup; the measured phase
 * starts after it (startAfter). --late-threshold has no counterpart.
 */

/**
 * The Hyperfoil benchmark that sends the same load as one {@code lab load} run, and its YAML.
 *
 * @param name          the benchmark's name in Hyperfoil (what {@code run NAME} starts)
 * @param target        scheme, host and port of the server: {@code http://HOST:PORT}
 * @param path          what every request GETs, path and query: {@code /io?ms=50}
 * @param model         open (a fixed arrival rate) or closed (each connection waits for its answer)
 * @param usersPerSec   open model: requests started per second; 0 for the closed model
 * @param duration      the measured phase
 * @param warmup        a phase before it, not measured; zero for none
 * @param connections   connections in Hyperfoil's pool; for the open model also the most requests in flight
 * @param timeout       a request without an answer this long is a timeout
 * @param threads       Hyperfoil's event loops ({@code lab load --loops})
 */
public record HyperfoilBenchmark(String name, URI target, String path, LoadModel model, double usersPerSec,
                                 Duration duration, Duration warmup, int connections, Duration timeout, int threads) {

    /** The name every emitted benchmark has: {@code upload} it, then {@code run lab-load}. */
    public static final String NAME = "lab-load";
    static final String WARMUP_PHASE = "warmup";
    static final String MAIN_PHASE = "main";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    public HyperfoilBenchmark {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** The benchmark equivalent to {@code settings}, which were validated when they were made; one rate step only. */
    public static HyperfoilBenchmark of(LoadSettings settings) {
        if (settings.steps().size() > 1) {
            throw new IllegalArgumentException("a Hyperfoil benchmark is emitted for one rate; these settings have "
                    + settings.steps().size() + " rate steps");
        }
        URI uri = settings.uri();
        URI target = URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
        return new HyperfoilBenchmark(NAME, target, settings.pathAndQuery(), settings.model(), settings.ratePerSec(),
                settings.duration(), settings.warmup(), settings.connections(), settings.timeout(), settings.effectiveLoops());
    }

    /** Hyperfoil's YAML for this benchmark, with a comment on top saying where it came from. */
    public String toYaml() {
        ObjectNode root = YAML.createObjectNode();
        root.put("name", name);
        root.put("threads", threads);
        root.putObject("http").put("host", target.toString()).put("sharedConnections", connections);
        // Hyperfoil sends a cookie it was given and a User-Agent naming the session unless told not to; lab load sends neither.
        // After http: Hyperfoil's parser knows the HTTP plugin's ergonomics only once it has read an http section.
        root.putObject("ergonomics").put("repeatCookies", false).put("userAgentFromSession", false);
        ArrayNode phases = root.putArray("phases");
        if (!warmup.isZero()) {
            ObjectNode warm = phase(phases, WARMUP_PHASE, warmup);
            warm.put("isWarmup", true);
            warm.set("scenario", scenario(false));
        }
        ObjectNode main = phase(phases, MAIN_PHASE, duration);
        if (!warmup.isZero()) {
            main.put("startAfter", WARMUP_PHASE);
        }
        main.set("scenario", scenario(true));
        try {
            return "# Written by `lab load --emit hyperfoil`: the same " + model + "-model load as lab load would send.\n"
                    + "# Run it with Hyperfoil 0.25 (bin/cli.sh): start-local, upload THIS-FILE, run " + name + ", stats.\n"
                    + YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree of strings and numbers always serializes
        }
    }

    /** One phase: {@code - NAME: {constantRate | always: {...}}}; returns the inner settings to add to. */
    private ObjectNode phase(ArrayNode phases, String phaseName, Duration length) {
        ObjectNode type = phases.addObject().putObject(phaseName).putObject(switch (model) {
            case OPEN -> "constantRate";
            case CLOSED -> "always";
        });
        switch (model) {
            case OPEN -> {
                number(type, "usersPerSec", usersPerSec);
                type.put("variance", false);
                type.put("maxSessions", connections);
            }
            case CLOSED -> type.put("users", connections);
        }
        type.put("duration", duration(length));
        // As Hyperfoil's own wrk2 command does: requests still out when the phase ends get their timeout, no more.
        type.put("maxDuration", duration(length.plus(timeout)));
        return type;
    }

    /** The scenario: one sequence of one GET. Only the measured phase carries the SLA. */
    private ArrayNode scenario(boolean withSla) {
        ArrayNode scenario = YAML.createArrayNode();
        ObjectNode request = scenario.addObject().putArray("request").addObject().putObject("httpRequest");
        request.put("GET", path);
        request.put("timeout", duration(timeout));
        if (withSla) {
            request.putObject("sla").put("errorRatio", 0).put("invalidRatio", 0);
        }
        return scenario;
    }

    private static void number(ObjectNode node, String field, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            node.put(field, (long) value);
        } else {
            node.put(field, value);
        }
    }

    /** Hyperfoil's spelling of a duration: {@code 20s}, or {@code 1500ms} when it is not whole seconds. */
    static String duration(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
