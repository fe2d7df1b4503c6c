package dev.tva.threads.server;

import io.helidon.common.concurrency.limits.Limit;
import io.helidon.common.task.InterruptableTask;
import io.helidon.webserver.spi.ServerConnection;

import java.time.Duration;

/**
 * Helidon's HTTP/1 connection, whose head clock stops when the connection ends, so that a connection that
 * ended (a client gone, a refused head) is not answered 408 later.
 */
final class HelidonTimedConnection implements ServerConnection, InterruptableTask<Void> {
    private final ServerConnection http1;
    private final InterruptableTask<?> task;
    private final HelidonHeadClock clock;

    HelidonTimedConnection(ServerConnection http1, InterruptableTask<?> task, HelidonHeadClock clock) {
        this.http1 = http1;
        this.task = task;
        this.clock = clock;
    }

    @Override
    public void handle(Limit limit) throws InterruptedException {
        try {
            http1.handle(limit);
        } finally {
            clock.stop();
        }
    }

    @Override
    public Duration idleTime() {
        return http1.idleTime();
    }

    @Override
    public void close(boolean interrupt) {
        http1.close(interrupt);
    }

    /** As Helidon's: while it waits for a request line, so that the server stops without waiting for it. */
    @Override
    public boolean canInterrupt() {
        return task.canInterrupt();
    }
}
