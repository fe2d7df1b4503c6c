package dev.tva.hyperfoil;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The lab's command line as processes ({@code java -cp benchmarks.jar dev.tva.cli.Lab ...}), so that its Netty 4.2
 * never shares a class path with Hyperfoil's Netty 4.1.
 */
final class Lab {
    /** Printed by {@code lab serve --child} once it accepts connections; the port follows. */
    private static final String READY_LINE = "lab server ready on port ";
    private static final long TIMEOUT_SECONDS = 60;

    private Lab() {
    }

    /** A lab server in its own JVM, stopped by closing its standard input. */
    record Server(Process process, int port) implements AutoCloseable {
        String url(String pathAndQuery) {
            return "http://127.0.0.1:" + port + pathAndQuery;
        }

        @Override
        public void close() {
            try {
                process.getOutputStream().close();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@code lab serve --server ID --port 0 --child}, on loopback, once it listens. */
    static Server serve(String serverId) {
        Process process = start(false, "serve", "--server", serverId, "--port", "0", "--child");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(READY_LINE)) {
                    drain(out);
                    return new Server(process, Integer.parseInt(line.substring(READY_LINE.length()).trim()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        process.destroyForcibly();
        throw new IllegalStateException("lab serve --server " + serverId + " exited before it was ready");
    }

    /** Runs one lab command to its end and returns what it printed; anything but exit code 0 fails the test. */
    static String run(String... args) {
        Process process = start(true, args);
        try {
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("lab " + String.join(" ", args) + " did not end within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("lab " + String.join(" ", args) + " exited with " + process.exitValue() + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts {@code lab ARGS}; its standard error goes into its output ({@code mergeErrors}) or to this process's. */
    private static Process start(boolean mergeErrors, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        // This JVM's flags (the build's --enable-native-access and, on JDK 23+, the Unsafe flag), as the lab passes its own on.
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (flag.startsWith("--") || flag.startsWith("-XX:")) {
                command.add(flag);
            }
        }
        command.addAll(List.of("-cp", jar().toString(), "dev.tva.cli.Lab"));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            return (mergeErrors ? builder.redirectErrorStream(true) : builder.redirectError(ProcessBuilder.Redirect.INHERIT)).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** benchmarks.jar: the lab.jar system property (set by the build), built before this module. */
    private static Path jar() {
        Path jar = Path.of(System.getProperty("lab.jar", "../benchmarks/target/benchmarks.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first with ./mvnw -q -pl benchmarks -am package -DskipTests");
        }
        return jar;
    }

    /** Keeps reading a child's output in the background, so it never blocks on a full pipe. */
    private static void drain(BufferedReader out) {
        Thread drainer = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // discarded: the server prints nothing more under --child
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, "lab-server-output");
        drainer.setDaemon(true);
        drainer.start();
    }
}
