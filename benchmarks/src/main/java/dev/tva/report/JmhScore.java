package dev.tva.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.TreeMap;

/**
 * One JMH benchmark result: the method, its parameters, and the primary score with JMH's error (the half-width
 * of its 99.9% interval; NaN when JMH had too few samples for one).
 */
public record JmhScore(String benchmark, Map<String, String> params, String mode, double score, double error, String unit) {

    /** Reads one element of JMH's JSON. */
    static JmhScore of(JsonNode json) {
        Map<String, String> params = new TreeMap<>();
        json.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
        JsonNode primary = json.path("primaryMetric");
        JsonNode error = primary.path("scoreError");
        return new JmhScore(json.path("benchmark").asText(), params, json.path("mode").asText(),
                primary.path("score").asDouble(Double.NaN), error.isNumber() ? error.asDouble() : Double.NaN,
                primary.path("scoreUnit").asText());
    }

    /** The benchmark method's simple name: {@code classInitializerPins} of {@code ...PinningBenchmark.classInitializerPins}. */
    public String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** The benchmark class's simple name. */
    public String suite() {
        String owner = benchmark.substring(0, benchmark.lastIndexOf('.'));
        return owner.substring(owner.lastIndexOf('.') + 1);
    }

    /** True when both scores have an error and their intervals share no point. */
    public boolean separatesFrom(JmhScore other) {
        return !Double.isNaN(error) && !Double.isNaN(other.error)
                && (score + error < other.score - other.error || other.score + other.error < score - error);
    }
}
