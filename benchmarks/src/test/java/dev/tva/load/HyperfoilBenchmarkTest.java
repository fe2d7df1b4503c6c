package dev.tva.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The YAML has the structure Hyperfoil reads, with every setting of the {@code lab load} run in its place.
 * (That Hyperfoil itself parses and runs it is {@code HyperfoilRunsTheEmittedLoadIT}, in hyperfoil-check.)
 */
class HyperfoilBenchmarkTest {
    private static final URI URL = URI.create("http://10.0.0.2:8080/io?ms=50&bytes=16");

    @Test
    void theOpenModelIsAConstantRatePhaseWithEvenArrivalsAndTheRunsSettings() throws Exception {
        LoadSettings settings = LoadSettings.open(URL, 2000, Duration.ofSeconds(20))
                .withConnections(500).withTimeout(Duration.ofSeconds(10)).withLoops(4);

        JsonNode yaml = parse(HyperfoilBenchmark.of(settings).toYaml());

        List<String> sections = new ArrayList<>();
        yaml.fieldNames().forEachRemaining(sections::add);
        assertThat(sections).as("Hyperfoil reads ergonomics only after http").containsExactly("name", "threads", "http", "ergonomics", "phases");
        assertThat(yaml.get("name").asText()).isEqualTo("lab-load");
        assertThat(yaml.get("threads").asInt()).isEqualTo(4);
        assertThat(yaml.at("/http/host").asText()).isEqualTo("http://10.0.0.2:8080");
        assertThat(yaml.at("/http/sharedConnections").asInt()).isEqualTo(500);
        assertThat(phaseNames(yaml)).containsExactly("main");
        JsonNode main = yaml.at("/phases/0/main/constantRate");
        assertThat(main.get("usersPerSec").asDouble()).isEqualTo(2000);
        assertThat(main.get("variance").asBoolean(true)).isFalse();
        assertThat(main.get("maxSessions").asInt()).isEqualTo(500);
        assertThat(main.get("duration").asText()).isEqualTo("20s");
        assertThat(main.get("maxDuration").asText()).isEqualTo("30s");
        assertThat(main.has("startAfter")).isFalse();
        JsonNode request = main.at("/scenario/0/request/0/httpRequest");
        assertThat(request.get("GET").asText()).isEqualTo("/io?ms=50&bytes=16");
        assertThat(request.get("timeout").asText()).isEqualTo("10s");
        assertThat(request.at("/sla/errorRatio").asDouble(1)).isZero();
        assertThat(request.at("/sla/invalidRatio").asDouble(1)).isZero();
    }

    @Test
    void aWarmUpIsAPhaseOfItsOwnThatTheMeasuredPhaseStartsAfter() throws Exception {
        LoadSettings settings = LoadSettings.open(URL, 100, Duration.ofSeconds(3)).withWarmup(Duration.ofMillis(1500));

        JsonNode yaml = parse(HyperfoilBenchmark.of(settings).toYaml());

        assertThat(phaseNames(yaml)).containsExactly("warmup", "main");
        JsonNode warmup = yaml.at("/phases/0/warmup/constantRate");
        assertThat(warmup.get("usersPerSec").asDouble()).isEqualTo(100);
        assertThat(warmup.get("duration").asText()).isEqualTo("1500ms");
        assertThat(warmup.get("isWarmup").asBoolean()).isTrue();
        assertThat(warmup.at("/scenario/0/request/0/httpRequest").has("sla")).as("warm-up errors are not measured").isFalse();
        assertThat(yaml.at("/phases/1/main/constantRate/startAfter").asText()).isEqualTo("warmup");
    }

    @Test
    void theClosedModelIsAnAlwaysPhaseWithOneUserPerConnection() throws Exception {
        LoadSettings settings = LoadSettings.closed(URL, 64, Duration.ofSeconds(10));

        JsonNode yaml = parse(HyperfoilBenchmark.of(settings).toYaml());

        JsonNode main = yaml.at("/phases/0/main");
        assertThat(main.has("constantRate")).isFalse();
        assertThat(main.at("/always/users").asInt()).isEqualTo(64);
        assertThat(main.at("/always/duration").asText()).isEqualTo("10s");
        assertThat(yaml.at("/http/sharedConnections").asInt()).isEqualTo(64);
    }

    @Test
    void aFractionalRateStaysFractionalAndTheTextSaysWhereItCameFrom() throws Exception {
        String text = HyperfoilBenchmark.of(LoadSettings.open(URI.create("http://127.0.0.1:8080"), 0.5, Duration.ofSeconds(4))).toYaml();

        assertThat(text).startsWith("# Written by `lab load --emit hyperfoil`").doesNotContain("\n---");
        JsonNode yaml = parse(text);
        assertThat(yaml.at("/phases/0/main/constantRate/usersPerSec").asDouble()).isEqualTo(0.5);
        assertThat(yaml.at("/phases/0/main/constantRate/scenario/0/request/0/httpRequest/GET").asText()).isEqualTo("/");
    }

    private static JsonNode parse(String yaml) throws Exception {
        return new YAMLMapper().readTree(yaml);
    }

    private static List<String> phaseNames(JsonNode yaml) {
        List<String> names = new ArrayList<>();
        yaml.get("phases").forEach(phase -> names.add(phase.fieldNames().next()));
        return names;
    }
}
