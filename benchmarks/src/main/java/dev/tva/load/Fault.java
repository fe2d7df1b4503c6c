package dev.tva.load;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a load run is invalid: each names whose fault it was, so no reader has to parse a sentence. */
public enum Fault {
    /** Requests were answered with an error status, or lost with their connection. */
    ERRORS("errors"),
    /** Requests got no answer within the timeout. */
    TIMEOUTS("timeouts"),
    /** Over 1% of requests left late because every connection was busy: the server did not keep up. */
    SERVER_BEHIND("server"),
    /** Over 1% of requests left late because the generator's own ticks came late: it was short of CPU. */
    GENERATOR_BEHIND("generator"),
    /** Nothing failed, yet nothing was answered. */
    NO_ANSWER("no answer");

    private final String id;

    Fault(String id) {
        this.id = id;
    }

    /** The word in tables and result files, e.g. {@code generator}. */
    @JsonValue
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
