package dev.tva.course.unpin;

import dev.tva.course.Check;
import dev.tva.course.unpin.handmade.LoadsOnEveryCall;
import dev.tva.course.unpin.handmade.SynchronizedLazy;
import dev.tva.course.unpin.handmade.WaitsInItsOwnInitializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks' own logic, on hand-made price lists: each tenant's fresh copy runs its class initializer again (so a
 * pin shows on every try), JFR's pins are found where the student's code waits, and loading on every call is caught.
 * (The one-carrier timing needs the check JVM's scheduler flags and is graded in ExercisesIT.)
 */
class UnpinChecksTest {
    private final UnpinChecks checks = new UnpinChecks();

    @Test
    void eachTenantsFreshCopyRunsTheInitializerAgainAndEachWaitInItIsAPin() throws Exception {
        Check.Seen first = check(1).trial().run(new WaitsInItsOwnInitializer());
        Check.Seen again = check(1).trial().run(new WaitsInItsOwnInitializer());

        for (Check.Seen seen : new Check.Seen[] {first, again}) {
            assertThat(seen.held()).as(seen.what()).isFalse();
            assertThat(seen.what()).startsWith("JFR recorded " + UnpinChecks.TENANTS + " jdk.VirtualThreadPinned")
                    .contains("at WaitsInItsOwnInitializer.<clinit>, line ");
        }
    }

    @Test
    void loadingOnEveryCallNeverPinsButIsCaughtWaitingAgain() throws Exception {
        Check.Seen prices = check(0).trial().run(new LoadsOnEveryCall());
        Check.Seen pins = check(1).trial().run(new LoadsOnEveryCall());

        assertThat(prices.held()).as(prices.what()).isFalse();
        assertThat(prices.what()).startsWith("5 of 5 prices right; the first call took ").contains("target under 50 ms");
        assertThat(pins.held()).as(pins.what()).isTrue();
    }

    @Test
    void synchronizedPinsOnlyBeforeJdk24() throws Exception {
        Check.Seen pins = check(1).trial().run(new SynchronizedLazy());

        assertThat(pins.held()).as(pins.what()).isEqualTo(Runtime.version().feature() >= 24);
    }

    private Check<PriceList> check(int index) {
        return checks.checks().get(index);
    }
}
