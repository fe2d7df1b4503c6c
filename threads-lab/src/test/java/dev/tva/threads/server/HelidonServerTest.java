package dev.tva.threads.server;

import dev.tva.workloads.web.Replies;
import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import org.junit.jupiter.api.Test;

import java.io.ObjectInputFilter;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Helidon's own refusals, worded as the lab words them (the 503 live: OverloadedServersIT). */
class HelidonServerTest {

    @Test
    void tooManyRequestsInProgressGetTheLabsOverloadedLine() {
        DirectHandler.TransportResponse answer = HelidonServer.refusals(1234).handle(DirectHandler.TransportRequest.empty(),
                DirectHandler.EventType.OTHER, Status.SERVICE_UNAVAILABLE_503, ServerResponseHeaders.create(), (String) null);
        assertThat(answer.status().code()).isEqualTo(503);
        assertThat(answer.entity()).hasValueSatisfying(body -> assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo(Replies.overloaded(1234).body()));
        assertThat(answer.headers().first(HeaderNames.CONTENT_TYPE)).hasValue(Replies.CONTENT_TYPE);
        assertThat(answer.keepAlive()).isFalse();
    }

    @Test
    void aMalformedRequestIsLeftToHelidon() {
        DirectHandler.TransportResponse answer = HelidonServer.refusals(1234).handle(DirectHandler.TransportRequest.empty(),
                DirectHandler.EventType.BAD_REQUEST, Status.BAD_REQUEST_400, ServerResponseHeaders.create(), (String) null);
        assertThat(answer.status().code()).isEqualTo(400);
        assertThat(answer.headers().first(HeaderNames.CONTENT_TYPE)).isEmpty();
    }

    @Test
    void theJvmsDeserializationFilterLetsAManagementClientInAndNothingElse() {
        HelidonSerialFilter.configure();
        ObjectInputFilter filter = ObjectInputFilter.Config.getSerialFilter();
        assertThat(filter).as("Helidon's JVM-wide filter").isNotNull();
        assertThat(filter.checkInput(input(javax.management.ObjectName.class))).isEqualTo(ObjectInputFilter.Status.ALLOWED);
        assertThat(filter.checkInput(input(String[].class))).isEqualTo(ObjectInputFilter.Status.ALLOWED);
        assertThat(filter.checkInput(input(HelidonServerTest.class))).isEqualTo(ObjectInputFilter.Status.REJECTED);
    }

    private static ObjectInputFilter.FilterInfo input(Class<?> type) {
        return new ObjectInputFilter.FilterInfo() {
            @Override
            public Class<?> serialClass() {
                return type;
            }

            @Override
            public long arrayLength() {
                return type.isArray() ? 1 : -1;
            }

            @Override
            public long depth() {
                return 1;
            }

            @Override
            public long references() {
                return 0;
            }

            @Override
            public long streamBytes() {
                return 0;
            }
        };
    }
}
