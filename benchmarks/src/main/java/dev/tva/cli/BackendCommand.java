package dev.tva.cli;

import dev.tva.engine.UserException;
import dev.tva.workloads.Backend;
import dev.tva.workloads.ListenAddress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code lab backend}: the latency service on a port of your choice, until Ctrl-C. */
@Command(name = "backend", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serves GET /delay?ms=&bytes= : answers `bytes` bytes after `ms` milliseconds, from event-loop timers.",
                "Other commands start their own backend; use this one with their --backend flag, or from another machine's tools."})
final class BackendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", converter = Converters.NonNegativeInt.class, defaultValue = "9000",
            description = "port to listen on, 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--loops", converter = Converters.PositiveInt.class,
            description = "event loops (default: cores = ${sys:lab.cores})")
    Integer loops;

    @Override
    public Integer call() throws InterruptedException {
        if (port > 65_535) {
            throw new UserException(UserException.BAD_INPUT, "Invalid value for option '--port': expected 0..65535, got " + port);
        }
        int loopCount = loops == null ? Runtime.getRuntime().availableProcessors() : loops;
        Backend backend;
        try {
            backend = Backend.start(host, port, loopCount);
        } catch (IllegalStateException e) {
            throw new UserException(UserException.FAILED, e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            backend.close();
            stopped.countDown();
        }));
        ListenAddress address = backend.address();
        PrintWriter out = spec.commandLine().getOut();
        out.println("backend listening on " + address.where() + " with " + loopCount
                + " event loops: try curl '" + address.preferredUri() + "/delay?ms=50&bytes=16'; Ctrl-C stops it");
        if (!address.isLoopback()) {
            out.println("  reach it at " + address.reachableAt());
            out.println("  a server on another machine: lab serve --server netty --host 0.0.0.0 --backend " + address.preferredUri()
                    + "   (with port " + address.port() + " open in this machine's firewall)");
        }
        stopped.await();
        return 0;
    }
}
