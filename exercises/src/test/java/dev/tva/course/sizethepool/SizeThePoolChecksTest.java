package dev.tva.course.sizethepool;

import dev.tva.course.Check.Seen;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The computed checks: a sizer by Little's law passes both, a constant is too few somewhere, and thousands of threads are too many. */
class SizeThePoolChecksTest {

    /** Little's number itself, or a factor of it, rounded up. */
    private static PoolSizer little(double factor) {
        return new PoolSizer() {
            @Override
            public int platformThreads(double ratePerSec, Duration latency) {
                return (int) Math.ceil(factor * ratePerSec * latency.toNanos() / 1e9);
            }

            @Override
            public int connections(double ratePerSec, Duration queryLatency) {
                return platformThreads(ratePerSec, queryLatency);
            }
        };
    }

    private static PoolSizer constant(int size) {
        return new PoolSizer() {
            @Override
            public int platformThreads(double ratePerSec, Duration latency) {
                return size;
            }

            @Override
            public int connections(double ratePerSec, Duration queryLatency) {
                return size;
            }
        };
    }

    @Test
    void littlesNumberAndHalfAsMuchAgainPassBothAndSoDoesLittlesNumberItself() {
        for (double factor : new double[]{1.0, 1.5, 4.0}) {
            assertThat(SizeThePoolChecks.atLeastLittle(little(factor), SizeThePoolChecks.POINTS).held()).as("x%s", factor).isTrue();
            assertThat(SizeThePoolChecks.atMostFactor(little(factor), SizeThePoolChecks.POINTS).held()).as("x%s", factor).isTrue();
        }
    }

    @Test
    void aConstantIsTooFewWhereMoreAreInFlightAndTheMissSaysWhereAndHowMany() {
        Seen seen = SizeThePoolChecks.atLeastLittle(constant(15), SizeThePoolChecks.POINTS);

        assertThat(seen.held()).isFalse();
        assertThat(seen.what()).startsWith("2,000/s x 100 ms: 15 threads for 200 tasks in flight").contains("queue");
        assertThat(SizeThePoolChecks.atMostFactor(constant(15), SizeThePoolChecks.POINTS).held()).as("15 is not too many anywhere").isTrue();
    }

    @Test
    void tenThousandThreadsAreTooManyWhereFewAreInFlight() {
        Seen seen = SizeThePoolChecks.atMostFactor(constant(10_000), SizeThePoolChecks.POINTS);

        assertThat(seen.held()).isFalse();
        assertThat(seen.what()).startsWith("500/s x 20 ms: 10,000 threads where 10 are busy on average (at most 40 accepted)")
                .contains("(and 3 more)").contains("OS thread");
        assertThat(SizeThePoolChecks.atMostFactor(little(4.5), SizeThePoolChecks.POINTS).held()).as("4.5 x is over 4 x").isFalse();
    }
}
