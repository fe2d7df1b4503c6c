package dev.tva.workloads;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a {@code db} task asks the database ({@code --query}). */
public enum DbQuery {
    /** {@code select pg_sleep(latency)}: the database waits, nothing else; the pool's bound is exact. */
    SLEEP("sleep"),
    /** An indexed lookup of the 5 rows of one group in a seeded 100,000-row table. */
    READ("read");

    private final String id;

    DbQuery(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static DbQuery fromId(String id) {
        for (DbQuery q : values()) {
            if (q.id.equals(id)) {
                return q;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is not a query; expected one of "
                + Arrays.stream(values()).map(DbQuery::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
