package dev.tva.cli;

import dev.tva.engine.BackendProbe;
import dev.tva.engine.DatabaseSource;
import dev.tva.engine.ServerFactory;
import dev.tva.engine.ServerProcess;
import dev.tva.engine.UserException;
import dev.tva.workloads.BackendProcess;
import dev.tva.workloads.ChildProcess;
import dev.tva.workloads.Client;
import dev.tva.workloads.DatabaseAccess;
import dev.tva.workloads.DbSettings;
import dev.tva.workloads.LazyDatabase;
import dev.tva.workloads.ListenAddress;
import dev.tva.workloads.web.Endpoint;
import dev.tva.workloads.web.LabServer;
import dev.tva.workloads.web.ServerConfig;
import dev.tva.workloads.web.ServerId;
import dev.tva.workloads.web.ServerLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.BindException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/** {@code lab serve}: one of the four servers, with every endpoint, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serves /hello, /sleep, /io, /cpu, /mixed, /fanout, /db and /stream on one of the four servers.",
                "The same requests get the same answers on every server; only what runs the handlers differs.",
                "Without --backend it starts a backend process for /io, /mixed and /fanout. /db uses LAB_JDBC_URL when set."})
final class ServeCommand implements Callable<Integer> {
    /** A pooled connection wait that fails a /db request quickly (503) when the database is down. */
    static final Duration DB_CONNECTION_TIMEOUT = Duration.ofSeconds(2);

    /** Helidon logs its start-up at INFO through java.util.logging; the lab prints its own lines. Held so it is not collected. */
    private static final java.util.logging.Logger HELIDON_LOG = java.util.logging.Logger.getLogger("io.helidon");

    @Spec
    CommandSpec spec;

    @Option(names = "--server", required = true, converter = Converters.ServerConverter.class,
            description = "helidon | netty | jdk-platform | jdk-virtual")
    ServerId server;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", converter = Converters.NonNegativeInt.class, defaultValue = "8080",
            description = "port to listen on, 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--threads", converter = Converters.PositiveInt.class,
            description = "jdk-platform: platform threads in its pool (default: " + ServerConfig.DEFAULT_THREADS + ")")
    Integer threads;

    @Option(names = "--loops", converter = Converters.PositiveInt.class,
            description = "netty: event loops (default: cores = ${sys:lab.cores})")
    Integer loops;

    @Option(names = "--block-event-loop",
            description = "netty: make /sleep and /io block ON the event loop: the sync-endpoint-in-an-async-server bug, on purpose")
    boolean blockEventLoop;

    @Option(names = "--backend", description = "base URL of a running `lab backend` (default: start one in its own process)")
    URI backend;

    @Option(names = "--client", paramLabel = "ID", converter = Converters.ClientConverter.class, defaultValue = "lean",
            description = "HTTP client of /io, /mixed and /fanout: lean (the lab's own) | library (Helidon WebClient, Netty's HTTP codec) (default: ${DEFAULT-VALUE})")
    Client client;

    @Option(names = "--child", hidden = true, description = "run under `lab servers`: print the ready line, stop when stdin closes")
    boolean child;

    @Override
    public Integer call() throws InterruptedException {
        validate();
        HELIDON_LOG.setLevel(java.util.logging.Level.WARNING);
        PrintWriter out = spec.commandLine().getOut();
        BackendProcess ownBackend = backend == null ? BackendProcess.start(Runtime.getRuntime().availableProcessors()) : null;
        URI backendUri = backend == null ? ownBackend.uri() : backend;
        LazyDatabase database = database();
        ServerConfig config = ServerConfig.of(server, port, backendUri)
                .withHost(host)
                .withThreads(threads == null ? ServerConfig.DEFAULT_THREADS : threads)
                .withLoops(loops == null ? Runtime.getRuntime().availableProcessors() : loops)
                .withBlockEventLoop(blockEventLoop)
                .withClient(client);
        if (database != null) {
            config = config.withDatabase(database);
        }
        LabServer running;
        try {
            running = ServerFactory.start(config);
        } catch (RuntimeException e) {
            stop(null, database, ownBackend);
            if (isBindFailure(e)) {
                throw new UserException(UserException.BAD_INPUT, "cannot listen on " + host + ":" + port
                        + ": the port is in use or the address is not this machine's; choose another --port (0 picks a free one)");
            }
            throw e;
        }
        if (backend != null) {
            // A backend on another machine: say now, in one line, if it does not answer (not on the first /io).
            try {
                BackendProbe.require(backend);
            } catch (UserException e) {
                stop(running, database, null);
                throw e;
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(running, database, ownBackend);
            if (!child) {
                out.println(server + " stopped (requests in progress were let finish)");
            }
            stopped.countDown();
        }, "lab-serve-shutdown"));
        ListenAddress address = new ListenAddress(host, running.port());
        URI base = address.preferredUri();
        if (child) {
            out.println(ServerProcess.READY_LINE + running.port());
            watchStandardInput();
        } else {
            out.println(server + " listening on " + address.where() + ": " + running.describe());
            if (!address.isLoopback()) {
                out.println("  reach it:  " + address.reachableAt());
            }
            out.println("  endpoints: " + Arrays.stream(Endpoint.values()).map(Endpoint::usage).collect(Collectors.joining(", ")));
            out.println("  backend:   " + backendUri + (ownBackend == null ? "" : " (its own process)") + ", called with the " + client + " client");
            out.println("  database:  " + (database == null ? "none; /db answers 503 (set LAB_JDBC_URL, LAB_JDBC_USER, LAB_JDBC_PASSWORD)"
                    : database.settings() + ", opened on first /db"));
            out.println("  limits:    " + ServerLimits.describe());
            out.println("  try: curl '" + base + "/io?ms=50'   (Ctrl-C stops it gracefully)");
            if (!address.isLoopback()) {
                out.println("  load it from another machine: lab load --url '" + base + "/io?ms=50' --rate 1000/s --duration 20s");
            }
        }
        stopped.await();
        return 0;
    }

    private void validate() {
        if (port > 65_535) {
            throw new UserException(UserException.BAD_INPUT, "Invalid value for option '--port': expected 0..65535, got " + port);
        }
        if (blockEventLoop && server != ServerId.NETTY) {
            throw new UserException(UserException.BAD_INPUT, "--block-event-loop applies to --server netty only (the other servers block on purpose)");
        }
        if (threads != null && server != ServerId.JDK_PLATFORM) {
            throw new UserException(UserException.BAD_INPUT, "--threads applies to --server jdk-platform only; "
                    + server + " " + (server == ServerId.NETTY ? "takes --loops" : "runs a virtual thread per request"));
        }
        if (loops != null && server != ServerId.NETTY) {
            throw new UserException(UserException.BAD_INPUT, "--loops applies to --server netty only");
        }
        if (backend != null && (!"http".equals(backend.getScheme()) || backend.getHost() == null || backend.getPort() < 0)) {
            throw new UserException(UserException.BAD_INPUT, "Invalid value for option '--backend': '" + backend
                    + "' is not an http://HOST:PORT URL");
        }
    }

    /** The database named by LAB_JDBC_URL, opened on first use; null when none is set. */
    private static LazyDatabase database() {
        String url = System.getenv(DatabaseSource.URL);
        if (url == null || url.isBlank()) {
            return null;
        }
        DbSettings settings = DbSettings.of(url, System.getenv().getOrDefault(DatabaseSource.USER, "postgres"),
                System.getenv().getOrDefault(DatabaseSource.PASSWORD, ""));
        return new LazyDatabase(settings.withTimeouts(DB_CONNECTION_TIMEOUT, settings.statementTimeout(), settings.socketTimeout()));
    }

    private static void stop(LabServer running, LazyDatabase database, BackendProcess ownBackend) {
        if (running != null) {
            running.close();
        }
        if (database != null) {
            database.close();
        }
        if (ownBackend != null) {
            ownBackend.close();
        }
    }

    /** Under `lab servers` the parent closes our standard input to stop us (or dies): then exit, which runs the hook. */
    private static void watchStandardInput() {
        Thread watcher = new Thread(() -> {
            ChildProcess.awaitStandardInputClosed();
            System.exit(0);
        }, "lab-serve-stdin");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BindException || (t.getMessage() != null && t.getMessage().contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }
}
