package dev.tva.engine;

import dev.tva.workloads.Experiment;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Checks that a backend named with {@code --backend} answers, before anything depends on it; what to do if not is one line. */
public final class BackendProbe {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private BackendProbe() {
    }

    /**
     * Asks {@code uri} for {@code /delay?ms=0&bytes=0}.
     *
     * @throws UserException exit code 2 when it is not an {@code http://HOST:PORT} URL, 1 when nothing answers
     *                       or what answers is not a lab backend
     */
    public static void require(URI uri) {
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
            throw new UserException(UserException.BAD_INPUT,
                    "Invalid value for option '--backend': '" + uri + "' is not an http://HOST:PORT URL");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new UserException(UserException.FAILED, "backend " + uri + " is not reachable: no address found for the name '"
                    + uri.getHost() + "'; check --backend, or give the machine's address instead");
        }
        HttpRequest probe = HttpRequest.newBuilder(uri.resolve("/delay?ms=0&bytes=0")).timeout(TIMEOUT).build();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            HttpResponse<Void> response = client.send(probe, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new UserException(UserException.FAILED, "backend " + uri + " answered " + response.statusCode()
                        + " to GET /delay; is it a lab backend? (start one with `lab backend --port PORT`)");
            }
        } catch (IOException e) {
            throw new UserException(UserException.FAILED, "backend " + uri + " is not reachable (" + Experiment.describe(e) + "); "
                    + (address.isLoopbackAddress() || address.isAnyLocalAddress() ? "start one with `lab backend --port " + uri.getPort() + "`"
                    : "on " + uri.getHost() + ", start one with `lab backend --host 0.0.0.0 --port " + uri.getPort()
                    + "` and let port " + uri.getPort() + " through its firewall")
                    + ", or drop --backend to let the lab start its own");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserException(UserException.FAILED, "interrupted while checking the backend " + uri);
        }
    }
}
