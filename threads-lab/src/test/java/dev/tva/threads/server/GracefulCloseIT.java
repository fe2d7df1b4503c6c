package dev.tva.threads.server;

import dev.tva.workloads.Workload;
import dev.tva.workloads.web.Endpoint;
import dev.tva.workloads.web.EndpointCall;
import dev.tva.workloads.web.LabServer;
import dev.tva.workloads.web.Replies;
import dev.tva.workloads.web.ServerConfig;
import dev.tva.workloads.web.ServerId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** close() is graceful: a request in progress gets its answer; after close, nothing listens. */
class GracefulCloseIT {

    @ParameterizedTest
    @EnumSource(value = ServerId.class, names = {"HELIDON", "JDK_PLATFORM", "JDK_VIRTUAL"})
    void closeLetsARequestInProgressFinish(ServerId id) throws Exception {
        ServerConfig config = ServerConfig.of(id, 0, URI.create("http://127.0.0.1:1")).withThreads(4);
        LabServer server = id == ServerId.HELIDON ? HelidonServer.start(config) : JdkHttpServer.start(config);
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            URI sleep = URI.create("http://127.0.0.1:" + server.port() + "/sleep?ms=800");
            CompletableFuture<HttpResponse<String>> inProgress =
                    client.sendAsync(HttpRequest.newBuilder(sleep).build(), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(300);  // the handler is asleep now

            long start = System.nanoTime();
            server.close();
            Duration closing = Duration.ofNanos(System.nanoTime() - start);

            HttpResponse<String> answer = inProgress.join();
            assertThat(answer.statusCode()).isEqualTo(200);
            EndpointCall call = new EndpointCall.Work(Endpoint.SLEEP, new Workload.Sleep(800));
            assertThat(answer.body()).isEqualTo(Replies.ok(call, 0).body());
            // It waited for the sleep (about 500 ms more), not for its whole grace period of a few seconds.
            assertThat(closing).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(Duration.ofMillis(2_500));
            assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(sleep).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(ConnectException.class);
        }
    }
}
