package dev.tva.async.server;

import dev.tva.workloads.Backend;
import dev.tva.workloads.BackendActivity;
import dev.tva.workloads.web.FileBudgetContract;
import dev.tva.workloads.web.LabServer;
import dev.tva.workloads.web.ServerConfig;
import dev.tva.workloads.web.ServerId;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The netty server keeps its file budget; and a client that goes away takes its backend call with it. */
class NettyFileBudgetIT extends FileBudgetContract {

    @Override
    protected ServerId id() {
        return ServerId.NETTY;
    }

    @Override
    protected LabServer start(ServerConfig config) {
        return NettyServer.start(config);
    }

    @Test
    void aClosedClientConnectionCancelsItsBackendCallAndClosesItsSocket() throws Exception {
        BackendActivity activity = new BackendActivity();
        try (Backend backend = Backend.start("127.0.0.1", 0, 1, activity);
             NettyServer server = NettyServer.start(ServerConfig.of(ServerId.NETTY, 0, backend.uri()))) {
            try (Socket client = new Socket("127.0.0.1", server.port())) {
                OutputStream out = client.getOutputStream();
                out.write("GET /io?ms=10000 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                await().atMost(Duration.ofSeconds(5)).until(() -> activity.requestsInProgress() == 1);
                assertThat(backend.connectionsOpen()).isEqualTo(1);
            }
            // The backend would answer after 10 s: the call is gone long before, its connection closed.
            long closed = System.nanoTime();
            await().atMost(Duration.ofSeconds(3)).until(() -> backend.connectionsOpen() == 0);
            assertThat(activity.requestsInProgress()).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - closed)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
