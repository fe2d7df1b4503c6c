package dev.tva.async.server;

import dev.tva.workloads.web.RequestSlots;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The server-wide count of requests in progress: its limit, and the drain that close() waits on. */
class InFlightRequestsTest {

    @Test
    void refusesBeyondTheLimitUntilOneIsReleased() {
        InFlightRequests requests = new InFlightRequests(new RequestSlots(2));
        assertThat(requests.tryAcquire(1)).isTrue();
        assertThat(requests.tryAcquire(1)).isTrue();
        assertThat(requests.tryAcquire(1)).isFalse();
        assertThat(requests.inFlight()).isEqualTo(2);

        requests.release(1);
        assertThat(requests.tryAcquire(1)).isTrue();
    }

    @Test
    void aRequestWeighsTheSocketsItHolds() {
        InFlightRequests requests = new InFlightRequests(new RequestSlots(5));
        assertThat(requests.tryAcquire(3)).isTrue();
        assertThat(requests.tryAcquire(3)).as("3 + 3 sockets > 5").isFalse();
        assertThat(requests.tryAcquire(2)).isTrue();
        assertThat(requests.inFlight()).isEqualTo(5);
    }

    @Test
    void drainReturnsAtOnceWhenNothingIsInProgress() throws InterruptedException {
        InFlightRequests requests = new InFlightRequests(new RequestSlots(10));
        assertThat(requests.isDraining()).isFalse();
        assertThat(requests.drain(Duration.ofSeconds(5))).isTrue();
        assertThat(requests.isDraining()).isTrue();
    }

    @Test
    void drainWaitsForTheLastRequestToFinish() throws Exception {
        InFlightRequests requests = new InFlightRequests(new RequestSlots(10));
        requests.tryAcquire(1);
        CompletableFuture<Void> finishing = CompletableFuture.runAsync(() -> requests.release(1),
                CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));
        long start = System.nanoTime();
        assertThat(requests.drain(Duration.ofSeconds(10))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150))
                .isLessThan(Duration.ofSeconds(5));
        finishing.get(5, TimeUnit.SECONDS);
    }

    @Test
    void drainGivesUpAfterItsTimeout() throws InterruptedException {
        InFlightRequests requests = new InFlightRequests(new RequestSlots(10));
        requests.tryAcquire(1);
        assertThat(requests.drain(Duration.ofMillis(100))).isFalse();
    }
}
