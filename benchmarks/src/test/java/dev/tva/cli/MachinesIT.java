package dev.tva.cli;

import dev.tva.engine.Runner;
import dev.tva.workloads.ChildOutput;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three-machine recipe of docs/machines.md, on one machine: backend and server listen on every address
 * ({@code --host 0.0.0.0}), each prints URLs a person can use (never {@code 0.0.0.0}), and the URLs printed
 * are the ones that work: the server reaches the backend through the URL the backend printed, and
 * {@code lab load} reaches the server through the URL the server printed.
 */
class MachinesIT {
    /** The URL each one prints for use from this machine; traffic in this test stays on loopback. */
    private static final Pattern FROM_THIS_ONE = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+) from this one");

    @Test
    void backendServerAndGeneratorFindEachOtherThroughThePrintedUrls() throws Exception {
        Process backend = start("backend", "--host", "0.0.0.0", "--port", "0");
        Process serve = null;
        try {
            List<String> backendLines = lines(backend, 3);
            assertThat(backendLines.get(0)).startsWith("backend listening on 0.0.0.0:").contains("(every address of this machine)")
                    .doesNotContain("http://0.0.0.0");
            assertThat(backendLines.get(2)).contains("lab serve --server netty --host 0.0.0.0 --backend http://").doesNotContain("0.0.0.0:");
            String backendUrl = found(FROM_THIS_ONE, backendLines.get(1));

            serve = start("serve", "--server", "netty", "--host", "0.0.0.0", "--port", "0", "--backend", backendUrl);
            List<String> serveLines = lines(serve, 2);
            assertThat(serveLines.get(0)).startsWith("netty listening on 0.0.0.0:").contains("(every address of this machine)");
            String serverUrl = found(FROM_THIS_ONE, serveLines.get(1));
            try (HttpClient client = HttpClient.newHttpClient()) {
                HttpResponse<String> io = client.send(HttpRequest.newBuilder(URI.create(serverUrl + "/io?ms=20")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(io.statusCode()).isEqualTo(200);
                assertThat(io.body()).isEqualTo("io 20 ms: 16 bytes\n");
            }

            LabCliTest.Ran load = LabCliTest.lab("load", "--url", serverUrl + "/io?ms=20", "--rate", "20/s", "--duration", "1s");
            assertThat(load.out()).as(load.err()).contains("completed 20, errors 0, timeouts 0");
        } finally {
            stop(serve);
            stop(backend);
        }
    }

    private static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(Runner.javaCommand());
        command.add(Lab.class.getName());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        ChildOutput.copy(process.getErrorStream(), System.err, "lab " + args[0]);  // shown, and checked for leak reports
        return process;
    }

    /** The first {@code n} lines it prints (it prints them at once when it is ready). */
    private static List<String> lines(Process process, int n) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        for (String line; lines.size() < n && (line = out.readLine()) != null; ) {
            lines.add(line);
        }
        assertThat(lines).as("what it printed before it stopped").hasSize(n);
        return lines;
    }

    private static String found(Pattern pattern, String line) {
        Matcher m = pattern.matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return m.group(1);
    }

    private static void stop(Process process) throws InterruptedException {
        if (process != null) {
            process.toHandle().destroy(); // SIGTERM: both stop gracefully
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
