package dev.tva.solutions.bulkhead;

import dev.tva.course.bulkhead.Bulkhead;
import dev.tva.workloads.Database;

import java.util.concurrent.Semaphore;

/*
 * SOLUTION bulkhead. A semaphore with one permit per connection stands in front of the pool: a task asks the pool only
 * with a permit, so it never waits in the pool (a connection is free for every permit), and the tasks without one wait
 * at the semaphore, where no timeout ends the wait. Fair, the semaphore serves them in arrival order: a task that has just
 * released its permit queues behind those already waiting. The permit is released in finally, whatever the query does.
 */

/** The reference bulkhead: a fair semaphore with as many permits as the pool has connections. */
public class StudentBulkhead implements Bulkhead {

    @Override
    public Queries guard(Database database) {
        Semaphore permits = new Semaphore(database.settings().poolSize(), true);
        return query -> {
            permits.acquire();
            try {
                return database.query(query);
            } finally {
                permits.release();
            }
        };
    }
}
