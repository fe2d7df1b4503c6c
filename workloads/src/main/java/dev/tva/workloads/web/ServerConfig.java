package dev.tva.workloads.web;

import dev.tva.workloads.Checks;
import dev.tva.workloads.Client;
import dev.tva.workloads.DatabaseAccess;

import java.net.URI;
import java.util.Objects;

/**
 * How to start one lab server. Every server reads the same record; each uses the fields that apply to it.
 *
 * @param server         which server
 * @param host           address to bind, e.g. {@code 127.0.0.1}
 * @param port           port to bind; 0 picks a free one
 * @param backend        base URI of the backend that {@code /io}, {@code /mixed} and {@code /fanout} call
 * @param threads        jdk-platform: the fixed pool's size
 * @param loops          netty: event loops
 * @param offloadThreads netty: the bounded executor that runs blocking work (JDBC) off the loops
 * @param blockEventLoop netty: run {@code /sleep} and {@code /io} blocking ON the loop (the bug, on purpose)
 * @param database       what {@code /db} queries; {@link DatabaseAccess#none} when there is none
 * @param client         the kind of HTTP client {@code /io}, {@code /mixed} and {@code /fanout} call the backend with
 */
public record ServerConfig(ServerId server, String host, int port, URI backend, int threads, int loops,
                           int offloadThreads, boolean blockEventLoop, DatabaseAccess database, Client client) {

    /** jdk-platform's pool when not told otherwise: Tomcat's default, as for the platform model. */
    public static final int DEFAULT_THREADS = 200;
    public static final int DEFAULT_OFFLOAD_THREADS = 64;

    public ServerConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(client, "client");
        Checks.range("port", port, 0, 65_535);
        Checks.range("threads", threads, 1, 100_000);
        Checks.range("loops", loops, 1, 1_024);
        Checks.range("offloadThreads", offloadThreads, 1, 10_000);
    }

    /** The defaults for {@code server} on loopback at {@code port}, calling {@code backend}, without a database. */
    public static ServerConfig of(ServerId server, int port, URI backend) {
        return new ServerConfig(server, "127.0.0.1", port, backend, DEFAULT_THREADS,
                Runtime.getRuntime().availableProcessors(), DEFAULT_OFFLOAD_THREADS, false,
                DatabaseAccess.none("no database configured: start the server with LAB_JDBC_URL, LAB_JDBC_USER and LAB_JDBC_PASSWORD set"),
                Client.LEAN);
    }

    public ServerConfig withHost(String address) {
        return new ServerConfig(server, address, port, backend, threads, loops, offloadThreads, blockEventLoop, database, client);
    }

    public ServerConfig withThreads(int n) {
        return new ServerConfig(server, host, port, backend, n, loops, offloadThreads, blockEventLoop, database, client);
    }

    public ServerConfig withLoops(int n) {
        return new ServerConfig(server, host, port, backend, threads, n, offloadThreads, blockEventLoop, database, client);
    }

    public ServerConfig withBlockEventLoop(boolean block) {
        return new ServerConfig(server, host, port, backend, threads, loops, offloadThreads, block, database, client);
    }

    public ServerConfig withClient(Client kind) {
        return new ServerConfig(server, host, port, backend, threads, loops, offloadThreads, blockEventLoop, database, kind);
    }

    public ServerConfig withDatabase(DatabaseAccess access) {
        return new ServerConfig(server, host, port, backend, threads, loops, offloadThreads, blockEventLoop, access, client);
    }
}
