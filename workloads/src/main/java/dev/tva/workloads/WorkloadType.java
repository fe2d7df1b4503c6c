package dev.tva.workloads;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Workload ids, as typed on the command line and written in results. */
public enum WorkloadType {
    SLEEP("sleep"),
    HTTP("http"),
    CPU("cpu"),
    MIXED("mixed"),
    FANOUT("fanout"),
    DB("db");

    private final String id;

    WorkloadType(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** True when the workload queries the database. */
    public boolean needsDatabase() {
        return this == DB;
    }

    /** True when the workload calls the backend service. */
    public boolean needsBackend() {
        return this == HTTP || this == MIXED || this == FANOUT;
    }

    @JsonCreator
    public static WorkloadType fromId(String id) {
        for (WorkloadType w : values()) {
            if (w.id.equals(id)) {
                return w;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a workload; expected one of " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(WorkloadType::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
