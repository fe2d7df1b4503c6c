package dev.tva.workloads.leak;

import dev.tva.workloads.BackendProcess;
import dev.tva.workloads.ChildLeaks;
import dev.tva.workloads.ChildProcess;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A leak reported by a child JVM reaches the test that started it; a child that releases its buffers reports nothing. */
class ChildLeakIT {

    @Test
    void aChildThatLeaksABufferFailsTheCheckWithItsLeakLine() {
        ChildLeaks.drain();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(ChildLeaks.flags());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LeakingChild.class.getName()));

        try (ChildProcess child = ChildProcess.start(command, LeakingChild.READY_LINE, Duration.ofSeconds(30), Duration.ofSeconds(10),
                "leaking-child")) {
            assertThat(child.isAlive()).isTrue();
        }

        assertThatThrownBy(LeakGuard::check).isInstanceOf(AssertionError.class)
                .hasMessageContaining("leaking-child: ")
                .hasMessageContaining("LEAK: ByteBuf.release() was not called");
    }

    @Test
    void theBackendInItsOwnJvmReportsNoLeakAfterServingRequests() throws Exception {
        ChildLeaks.drain();
        try (BackendProcess backend = BackendProcess.start(1); HttpClient client = HttpClient.newHttpClient()) {
            for (int i = 0; i < 200; i++) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(backend.uri().resolve("/delay?ms=0&bytes=512")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.body()).hasSize(512);
            }
        }

        assertThat(ChildLeaks.drain()).isEmpty();
    }
}
