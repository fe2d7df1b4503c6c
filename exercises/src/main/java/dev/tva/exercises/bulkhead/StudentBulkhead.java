package dev.tva.exercises.bulkhead;

import dev.tva.course.bulkhead.Bulkhead;
import dev.tva.workloads.Database;

/*
 * EXERCISE bulkhead (lesson db-pool, tutorial §8). Needs PostgreSQL: LAB_JDBC_URL (with LAB_JDBC_USER and
 * LAB_JDBC_PASSWORD), or a Docker engine; without one the checks are skipped.
 *
 * 200 tasks start at once, each on a virtual thread, and each runs two queries through a pool of 5 connections whose
 * connection timeout is 250 ms. Virtual threads made 200 tasks cheap, but not 200 connections: this guard lets every task
 * ask the pool at once, so most of them queue inside the pool, and those still waiting after 250 ms fail.
 *
 * Your job: put a bulkhead in front of the pool, so that at most as many tasks ask it at once as it has connections, and
 * the others wait their turn in front of it, first come, first served. Check it (no rebuild needed):
 *
 *   ./lab exercise check bulkhead
 */

/** The student's bulkhead: none yet, every task goes straight to the pool. */
public class StudentBulkhead implements Bulkhead {

    @Override
    public Queries guard(Database database) {
        // TODO: let at most database.settings().poolSize() queries at a time through, the rest waiting in arrival order.
        return database::query;
    }
}
