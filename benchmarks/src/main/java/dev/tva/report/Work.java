package dev.tva.report;

import dev.tva.workloads.Client;
import dev.tva.workloads.RunResult;
import dev.tva.workloads.WorkloadType;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run did, apart from the model that ran it: two runs of the same work, measured together, are
 * comparable. {@code concurrency} is null in the key of a series over tasks in flight.
 */
public record Work(WorkloadType workload, Integer concurrency, Long latencyMillis, Integer workUnits, Client client,
                   Integer dbPool, Integer dbBulkhead, String query, Integer calls) {

    /** The work of one run. */
    public static Work of(RunResult r) {
        return new Work(r.workload(), r.concurrency(), r.latencyMillis(), r.workUnits(), r.client(), r.dbPool(),
                r.dbBulkhead(), r.query(), r.calls());
    }

    /** The same work at any number of tasks in flight. */
    public Work anyConcurrency() {
        return new Work(workload, null, latencyMillis, workUnits, client, dbPool, dbBulkhead, query, calls);
    }

    /** In words: {@code http 50 ms, 1,000 in flight, lean client}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(workload.id() + (latencyMillis == null ? "" : " " + latencyMillis + " ms")
                + (workUnits == null ? "" : " " + workUnits + " CPU units"));
        if (query != null) {
            parts.add("query " + query);
        }
        if (dbPool != null) {
            parts.add("pool " + dbPool);
        }
        if (dbBulkhead != null && dbBulkhead > 0) {
            parts.add("bulkhead " + dbBulkhead);
        }
        if (calls != null) {
            parts.add(calls + " calls");
        }
        if (concurrency != null) {
            parts.add(Fmt.count(concurrency) + " in flight");
        }
        if (client != null) {
            parts.add(client.id() + " client");
        }
        return String.join(", ", parts);
    }
}
