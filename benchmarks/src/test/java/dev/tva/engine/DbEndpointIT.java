package dev.tva.engine;

import dev.tva.workloads.Backend;
import dev.tva.workloads.DbSettings;
import dev.tva.workloads.LazyDatabase;
import dev.tva.workloads.web.LabServer;
import dev.tva.workloads.web.ServerConfig;
import dev.tva.workloads.web.ServerId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /db?ms=} on every server against the real PostgreSQL, reached through a relay the test can cut:
 * 200 while the database answers, 503 with a one-line reason while it does not, 200 again once it is
 * back, with no restart. Also a server started while the database is down.
 */
class DbEndpointIT {
    private static final Pattern HOST_PORT = Pattern.compile("^(jdbc:postgresql://)([^/:]+)(?::(\\d+))?(/.*)$");
    private static Backend backend;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        backend = Backend.start("127.0.0.1", 0, 1);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        backend.close();
    }

    @ParameterizedTest
    @EnumSource(ServerId.class)
    void dbIs503WhileTheDatabaseIsDownAndRecoversWhenItIsBack(ServerId id) throws Exception {
        DbSettings real = TestDatabase.settings();
        Matcher url = HOST_PORT.matcher(real.url());
        assertThat(url.matches()).as("a jdbc:postgresql://host:port/db URL: " + real.url()).isTrue();
        try (TcpProxy proxy = new TcpProxy(url.group(2), url.group(3) == null ? 5432 : Integer.parseInt(url.group(3)))) {
            DbSettings viaProxy = new DbSettings(url.group(1) + "127.0.0.1:" + proxy.port() + url.group(4), real.user(),
                    real.password(), 2, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(10), 0, Duration.ZERO);
            try (LazyDatabase database = new LazyDatabase(viaProxy);
                 LabServer server = ServerFactory.start(ServerConfig.of(id, 0, backend.uri()).withThreads(8).withDatabase(database))) {
                assertThat(get(server, "/db?ms=5")).isEqualTo("200 db pg_sleep 5 ms: ok\n");

                proxy.cut();
                String down = get(server, "/db?ms=5");
                assertThat(down).startsWith("503 database unavailable: ").endsWith("\n");
                assertThat(down.lines()).hasSize(1);
                String reason = down.substring("503 database unavailable: ".length());
                assertThat(reason).doesNotContain(real.password().isEmpty() ? "\u0000" : real.password());

                proxy.restore();
                assertThat(untilOk(server)).isEqualTo("200 db pg_sleep 5 ms: ok\n");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = ServerId.class, names = {"HELIDON", "NETTY"})
    void aServerStartedWhileTheDatabaseIsDownServesItOnceItIsUp(ServerId id) throws Exception {
        DbSettings real = TestDatabase.settings();
        Matcher url = HOST_PORT.matcher(real.url());
        assertThat(url.matches()).isTrue();
        try (TcpProxy proxy = new TcpProxy(url.group(2), url.group(3) == null ? 5432 : Integer.parseInt(url.group(3)))) {
            proxy.cut();
            DbSettings viaProxy = new DbSettings(url.group(1) + "127.0.0.1:" + proxy.port() + url.group(4), real.user(),
                    real.password(), 2, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(10), 0, Duration.ZERO);
            try (LazyDatabase database = new LazyDatabase(viaProxy);
                 LabServer server = ServerFactory.start(ServerConfig.of(id, 0, backend.uri()).withDatabase(database))) {
                assertThat(get(server, "/hello")).isEqualTo("200 hello\n");
                assertThat(get(server, "/db?ms=5")).startsWith("503 database unavailable: cannot connect to " + viaProxy.url());
                proxy.restore();
                assertThat(untilOk(server)).isEqualTo("200 db pg_sleep 5 ms: ok\n");
            }
        }
    }

    private static String untilOk(LabServer server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String answer;
        do {
            answer = get(server, "/db?ms=5");
            if (answer.startsWith("200")) {
                return answer;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return answer;
    }

    private static String get(LabServer server, String pathAndQuery) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
