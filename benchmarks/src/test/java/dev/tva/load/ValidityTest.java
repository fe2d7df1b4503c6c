package dev.tva.load;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A run is valid only without errors and timeouts and with at most 1% late; the reason names the cause, and the faults type it. */
class ValidityTest {
    private static final LoadSettings SETTINGS = LoadSettings.open(URI.create("http://127.0.0.1:8080/"), 1000, Duration.ofSeconds(10));

    @Test
    void aCleanRunIsValid() {
        Validity v = Validity.of(SETTINGS, 10_000, 10_000, 0, Map.of(), 0, 0, 50, 50);

        assertThat(v.valid()).isTrue();
        assertThat(v.reason()).isNull();
        assertThat(v.faults()).isEmpty();
    }

    @Test
    void lateForWantOfConnectionsBlamesTheServer() {
        Validity v = Validity.of(SETTINGS, 10_000, 10_000, 0, Map.of(), 0, 0, 4_100, 20);

        assertThat(v.valid()).isFalse();
        assertThat(v.faults()).containsExactly(Fault.SERVER_BEHIND);
        assertThat(v.reason()).isEqualTo("41% of requests were sent late (over 10 ms after their intended time): every one of the "
                + "1,000 connections was busy — the server is not keeping up at this rate (or raise --connections)");
    }

    @Test
    void lateBecauseTheTicksCameLateBlamesTheGenerator() {
        Validity v = Validity.of(SETTINGS, 10_000, 10_000, 0, Map.of(), 0, 0, 0, 150);

        assertThat(v.faults()).containsExactly(Fault.GENERATOR_BEHIND);
        assertThat(v.reason()).startsWith("1.5% of requests were sent late").contains("the generator fell behind its schedule");
    }

    @Test
    void errorsAndTimeoutsAreListedTogether() {
        Validity v = Validity.of(SETTINGS, 1_000, 900, 60, Map.of("500", 58L), 2, 40, 0, 0);

        assertThat(v.faults()).containsExactly(Fault.ERRORS, Fault.TIMEOUTS);
        assertThat(v.reason()).isEqualTo("60 of 1,000 requests failed (500: 58, connection failures: 2); 40 requests got no answer within 10 s");
    }

    @Test
    void aRunWithoutASingleAnswerIsNotValid() {
        Validity v = Validity.of(SETTINGS, 0, 0, 0, Map.of(), 0, 0, 0, 0);

        assertThat(v.reason()).isEqualTo("no request was answered");
        assertThat(v.faults()).containsExactly(Fault.NO_ANSWER);
    }
}
