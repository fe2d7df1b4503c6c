package dev.tva.course.bulkhead;

import dev.tva.workloads.Database;
import dev.tva.workloads.Workload;

import java.sql.SQLException;

/*
 * A bulkhead (lesson db-pool, §8). Virtual threads remove the limit on threads, and the next limit is the connection
 * pool: 200 tasks that each want one of 5 connections queue somewhere. Inside HikariCP the wait is bounded by its
 * connection timeout (here 250 ms, a setting meant to fail fast when the database is gone), so in a crowd the tasks at
 * the end of the queue fail, though nothing is wrong. A bulkhead moves the queue in front of the pool: a fair semaphore
 * with as many permits as the pool has connections lets a task ask the pool only when a connection is free for it, and
 * the tasks wait their turn, first come, first served, as long as it takes.
 */

/** Puts a bulkhead in front of a database's pool: the interface the student's {@code StudentBulkhead} implements and the checks call. */
public interface Bulkhead {

    /**
     * Guards {@code database} (its pool size: {@code database.settings().poolSize()}): many tasks at once will run their
     * queries through the returned {@link Queries}, each on a virtual thread of its own.
     */
    Queries guard(Database database);

    /** Runs one query for a task. */
    @FunctionalInterface
    interface Queries {
        /** Runs {@code query} through the database's pool ({@code database.query(query)}), with whatever guard you put around it. */
        long query(Workload.Db query) throws SQLException, InterruptedException;
    }
}
