package dev.tva.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of results JSON the report knows, each told apart by its shape, never by its file name. */
public enum Kind {
    /** One run or a list of runs of {@code lab run}, {@code compare} or {@code db-sweep} (RunResult). */
    RUNS("runs", "runs of lab run, compare or db-sweep"),
    /** The record of {@code lab tour}: sections of runs, and server rows. */
    TOUR("tour", "a lab tour record"),
    /** Rows of {@code lab servers}: a server at one offered rate. */
    SERVERS("servers", "rows of lab servers"),
    /** One run of the open- or closed-model load generator, {@code lab load}. */
    LOAD("load", "a lab load run"),
    /** Memory per parked task, {@code lab footprint}. */
    FOOTPRINT("footprint", "lab footprint measurements"),
    /** JMH's own results JSON, written by {@code lab bench}. */
    JMH("jmh", "JMH results of lab bench"),
    /** The record {@code lab bench} writes beside JMH's JSON: command, forks, environment. */
    JMH_ENV("jmh-env", "the environment of a lab bench run"),
    /** A {@code lab crossover} sweep. */
    CROSSOVER("crossover", "a lab crossover sweep"),
    /** One server under a steady load for a long time, sampled, {@code lab soak}. */
    SOAK("soak", "a lab soak run"),
    /** Servers at twice their capacity, then half of it, {@code lab overload}. */
    OVERLOAD("overload", "lab overload runs"),
    /** Servers holding idle keep-alive connections beside a load, {@code lab idle}. */
    IDLE("idle", "lab idle runs"),
    /** Servers under connections that never finish their request head, {@code lab slowloris}. */
    SLOWLORIS("slowloris", "lab slowloris runs");

    private final String id;
    private final String description;

    Kind(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Every kind's id, for the message that rejects a file of no known kind. */
    public static String ids() {
        return Arrays.stream(values()).map(Kind::id).collect(Collectors.joining(", "));
    }

    /** The kind of a parsed JSON document, judged by the fields of the object (or of a list's first element). */
    public static Optional<Kind> of(JsonNode json) {
        if (json.isObject()) {
            String kind = json.path("kind").asText();
            if ("crossover".equals(kind)) {
                return Optional.of(CROSSOVER);
            }
            if ("soak".equals(kind)) {
                return Optional.of(SOAK);
            }
            if (json.has("sections") && json.has("restaurant")) {
                return Optional.of(TOUR);
            }
            if (json.has("jmhResults") && json.has("suites")) {
                return Optional.of(JMH_ENV);
            }
            if (isRun(json)) {
                return Optional.of(RUNS);
            }
            if (json.has("achievedPerSec") && json.has("sent") && !json.has("server")) {
                return Optional.of(LOAD);
            }
            return Optional.empty();
        }
        if (!json.isArray() || json.isEmpty() || !json.get(0).isObject()) {
            return Optional.empty();
        }
        JsonNode first = json.get(0);
        if (first.has("benchmark") && first.has("primaryMetric")) {
            return Optional.of(JMH);
        }
        if (first.has("server") && first.has("targetPerSec") && first.has("latencyMicros")) {
            return Optional.of(SERVERS);
        }
        if (first.has("model") && first.has("tasks") && first.has("parkMillis")) {
            return Optional.of(FOOTPRINT);
        }
        if (first.has("server") && first.has("capacityPerSec") && first.has("timeline")) {
            return Optional.of(OVERLOAD);
        }
        if (first.has("server") && first.has("idle") && first.has("stillOpen")) {
            return Optional.of(IDLE);
        }
        if (first.has("server") && first.has("cutOff") && first.has("holds")) {
            return Optional.of(SLOWLORIS);
        }
        return isRun(first) ? Optional.of(RUNS) : Optional.empty();
    }

    private static boolean isRun(JsonNode json) {
        return json.has("model") && json.has("workload") && json.has("throughputPerSec");
    }
}
