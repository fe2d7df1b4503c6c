package dev.tva.threads.server;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The door turns new connections away only while the scheduler runs new threads later than its bound: with every
 * carrier held for longer than that it does, until a probe runs in time again; a shorter hold turns nothing away.
 */
class HelidonDoorTest {
    @Test
    void aSchedulerHeldLongerThanTheBoundTurnsConnectionsAwayUntilAProbeRunsInTime() throws Exception {
        try (HelidonDoor door = new HelidonDoor(Duration.ofMillis(300))) {
            assertThat(door.turningAway()).isFalse();
            try (Carriers held = Carriers.hold()) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!door.turningAway() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(door.turningAway()).as("turning away behind carriers held for up to 10 s").isTrue();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (door.turningAway() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(door.turningAway()).as("open again once a probe ran in time").isFalse();
            assertThat(door.turnedAway()).isPositive();
        }
    }

    @Test
    void aHoldShorterThanTheBoundTurnsNothingAway() throws Exception {
        try (HelidonDoor door = new HelidonDoor(Duration.ofSeconds(5))) {
            for (int burst = 0; burst < 3; burst++) {
                try (Carriers held = Carriers.hold()) {
                    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(400);
                    while (System.nanoTime() < until) {
                        assertThat(door.turningAway()).as("a 400 ms hold against a 5 s bound").isFalse();
                        Thread.sleep(20);
                    }
                }
                Thread.sleep(200);
            }
            assertThat(door.turnedAway()).isZero();
        }
    }
}
