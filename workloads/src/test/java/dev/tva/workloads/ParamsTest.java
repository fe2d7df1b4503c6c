package dev.tva.workloads;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParamsTest {

    @Test
    void anAbsentParameterTakesItsDefault() {
        assertThat(Params.integer(Map.of(), "ms", 7, 0, 10)).isEqualTo(7);
    }

    @Test
    void aValueInRangeIsRead() {
        assertThat(Params.integer(Map.of("ms", List.of("10")), "ms", 0, 0, 10)).isEqualTo(10);
    }

    @Test
    void aNegativeValueIsRejectedWithTheParameterAndItsRange() {
        assertThatThrownBy(() -> Params.integer(Map.of("ms", List.of("-5")), "ms", 0, 0, 60_000))
                .isInstanceOf(Params.BadRequestException.class)
                .hasMessage("ms must be an integer between 0 and 60000, got -5");
    }

    @Test
    void aWordIsRejectedAndQuoted() {
        assertThatThrownBy(() -> Params.integer(Map.of("work", List.of("abc")), "work", 0, 0, 100))
                .hasMessage("work must be an integer between 0 and 100, got 'abc'");
    }

    @Test
    void aRepeatedParameterIsRejected() {
        assertThatThrownBy(() -> Params.integer(Map.of("ms", List.of("1", "2")), "ms", 0, 0, 100))
                .hasMessage("ms is given 2 times; give it once");
    }

    @Test
    void specsRejectValuesOutsideTheirLimits() {
        assertThatThrownBy(() -> new Workload.Sleep(-1)).hasMessage("latencyMillis must be between 0 and 60000, got -1");
        assertThatThrownBy(() -> new Workload.Http(10, Limits.MAX_BYTES + 1)).hasMessageStartingWith("bytes must be between 0 and");
    }

    @Test
    void idsParseAndNameEveryAcceptedValueWhenWrong() {
        assertThat(Model.fromId("event-loop")).isEqualTo(Model.EVENT_LOOP);
        assertThatThrownBy(() -> Model.fromId("warp")).hasMessage("'warp' is not a model; expected one of platform, virtual, event-loop");
        assertThatThrownBy(() -> WorkloadType.fromId("nap")).hasMessage("'nap' is not a workload; expected one of sleep, http, cpu, mixed, fanout, db");
        assertThat(Client.fromId("library")).isEqualTo(Client.LIBRARY);
        assertThatThrownBy(() -> Client.fromId("fast")).hasMessage("'fast' is not a client; expected one of lean, library");
    }
}
