package dev.tva.course.fanout;

import dev.tva.course.Check;
import dev.tva.course.Check.Seen;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks, run in this JVM on hand-made fan-outs against the real loopback backend: a right one on the event loop passes
 * every check, and each common mistake fails the check that names it, saying what it left running.
 */
class FanOutChecksIT {
    private static final List<Check<FanOut>> CHECKS = new FanOutChecks().checks();

    private static Seen check(int index, FanOut fanOut) throws Exception {
        return CHECKS.get(index).trial().run(fanOut);
    }

    @Test
    void aRightFanOutOnTheEventLoopPassesEveryCheck() throws Exception {
        for (int i = 0; i < CHECKS.size(); i++) {
            Seen seen = check(i, new HandMadeFanOuts.OnTheLoop());
            assertThat(seen.held()).as(CHECKS.get(i).claim() + ": " + seen.what()).isTrue();
        }
    }

    @Test
    void givingUpWithoutCancellingKeepsTheDeadlineButLeavesTheCallsRunningHereAndAtTheBackend() throws Exception {
        FanOut fanOut = new HandMadeFanOuts.GivesUpWithoutCancelling();

        assertThat(check(2, fanOut).held()).as("the deadline").isTrue();
        assertThat(check(3, fanOut).held()).as("the first failure").isTrue();
        Seen left = check(4, fanOut);
        assertThat(left.held()).isFalse();
        assertThat(left.what()).contains("after the deadline, ").contains("1 call still in flight here, 1 request at the backend")
                .contains("after the failure, ").contains("5 calls still in flight here, 5 requests at the backend")
                .contains("giving up stopped your waiting, not the calls");
    }

    @Test
    void aPlatformPoolNeverShutDownIsAThreadLeftAlive() throws Exception {
        Seen left = check(4, new HandMadeFanOuts.LeavesItsPoolRunning());

        assertThat(left.held()).isFalse();
        assertThat(left.what()).contains("0 calls still in flight here, 0 requests at the backend, threads still alive: pool-");
    }

    @Test
    void allOfWithATimeoutWaitsForTheSlowCallsBeforeTheFailureAndCancelsNothing() throws Exception {
        FanOut fanOut = new HandMadeFanOuts.AllOfWithTimeout();

        assertThat(check(0, fanOut).held()).as("the total").isTrue();
        assertThat(check(1, fanOut).held()).as("at once").isTrue();
        Seen failure = check(3, fanOut);
        assertThat(failure.held()).isFalse();
        assertThat(failure.what()).startsWith("total had not ended 1,300 ms after the start").contains("the call to payments failed at once");
        assertThat(check(4, fanOut).what()).contains("after the deadline, ").contains("1 call still in flight here");
    }
}
