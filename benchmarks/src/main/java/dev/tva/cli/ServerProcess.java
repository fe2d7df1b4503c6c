package dev.tva.cli;

import dev.tva.workloads.web.ServerId;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A lab server in a JVM of its own ({@code lab serve --child}), as {@code lab servers} and the tour run
 * them: its CPU, memory and threads are its own, read from the operating system, and a crash or a full
 * heap there cannot take the load generator with it.
 */
final class ServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final ServerId id;
    private final Process process;
    private final int port;

    private ServerProcess(ServerId id, Process process, int port) {
        this.id = id;
        this.process = process;
        this.port = port;
    }

    /** Starts {@code lab serve --server ID --port 0 --child} plus {@code flags}, and waits until it listens. */
    static ServerProcess start(ServerId id, List<String> flags) {
        List<String> command = new ArrayList<>(Runner.javaCommand());
        command.addAll(List.of(Lab.class.getName(), "serve", "--server", id.id(), "--port", "0", "--child"));
        command.addAll(flags);
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UserException(UserException.FAILED, "cannot start the " + id + " server process: " + e.getMessage());
        }
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        // Read until the ready line, then keep draining, so a chatty server never blocks on a full pipe.
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (!ready.isDone() && line.startsWith(ServeCommand.READY_LINE)) {
                        ready.complete(Integer.parseInt(line.substring(ServeCommand.READY_LINE.length()).trim()));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // the process is gone or spoke nonsense: treated as not ready
            }
            ready.complete(null);
        }, "server-" + id + "-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            Integer port = ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (port == null) {
                throw new UserException(UserException.FAILED, "the " + id + " server process exited before listening (exit code "
                        + process.waitFor() + ")");
            }
            return new ServerProcess(id, process, port);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new UserException(UserException.FAILED, "interrupted while starting the " + id + " server");
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new UserException(UserException.FAILED, "the " + id + " server did not start listening within "
                    + START_TIMEOUT.toSeconds() + " s");
        }
    }

    ServerId id() {
        return id;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** CPU time the server process has used so far, in milliseconds; -1 when the OS does not tell. */
    long cpuMillis() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    /** Resident memory now, in MiB; -1 where /proc is not available. */
    long rssMb() {
        return statusKb("VmRSS") / 1024;
    }

    /** Live threads now; -1 where /proc is not available. */
    long threads() {
        return statusValue("Threads");
    }

    private long statusKb(String field) {
        long kb = statusValue(field);
        return kb < 0 ? -1024 : kb;
    }

    private long statusValue(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Stops it the way Ctrl-C would (SIGTERM: the server finishes what is in progress), then forcibly. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
