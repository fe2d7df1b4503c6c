package dev.tva.workloads;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The backend over real loopback sockets. */
class BackendIT {
    private static Backend backend;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        backend = Backend.start("127.0.0.1", 0, 2);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        backend.close();
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return client.send(HttpRequest.newBuilder(backend.uri().resolve(pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersNoEarlierThanAskedWithTheAskedBytes() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = get("/delay?ms=200&bytes=1000");
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).hasSize(1000);
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(200);
    }

    @Test
    void manyWaitingRequestsOverlapInsteadOfQueueing() {
        // 500 requests of 300 ms at once: served by timers, they finish together, far below 500 x 300 ms.
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            all.add(client.sendAsync(HttpRequest.newBuilder(backend.uri().resolve("/delay?ms=300")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(all).allSatisfy(f -> assertThat(f.join().statusCode()).isEqualTo(200));
        assertThat(elapsedMillis).isBetween(300L, 10_000L);
    }

    @Test
    void badParametersGet400WithOneLineNamingTheParameterAndRange() throws Exception {
        HttpResponse<String> negative = get("/delay?ms=-5");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).isEqualTo("ms must be an integer between 0 and 60000, got -5\n");

        HttpResponse<String> word = get("/delay?bytes=abc");
        assertThat(word.statusCode()).isEqualTo(400);
        assertThat(word.body()).isEqualTo("bytes must be an integer between 0 and 1048576, got 'abc'\n");

        assertThat(get("/delay?ms=60001").statusCode()).isEqualTo(400);
    }

    @Test
    void unknownPathsGet404() throws Exception {
        HttpResponse<String> response = get("/nope");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).startsWith("no such path: /nope");
    }

    @Test
    void oneConnectionServesManyRequests() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", backend.port())) {
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            for (int i = 0; i < 3; i++) {
                out.write("GET /delay?ms=1&bytes=5 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
                String line;
                while (!(line = in.readLine()).isEmpty()) {
                    assertThat(line.toLowerCase()).doesNotContain("connection: close");
                }
                char[] body = new char[5];
                assertThat(in.read(body)).isEqualTo(5);
                assertThat(new String(body)).isEqualTo("xxxxx");
            }
        }
    }

    @Test
    void runsInAProcessOfItsOwnAndStopsWithIt() throws Exception {
        URI uri;
        ProcessHandle handle;
        try (BackendProcess process = BackendProcess.start(1)) {
            uri = process.uri();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri.resolve("/delay?ms=5&bytes=3")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).isEqualTo("xxx");
            assertThat(process.cpuMillis()).isGreaterThanOrEqualTo(0);
            handle = ProcessHandle.of(process.pid()).orElseThrow();
        }
        assertThat(handle.isAlive()).isFalse();
    }
}
