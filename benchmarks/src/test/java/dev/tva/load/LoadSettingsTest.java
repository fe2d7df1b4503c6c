package dev.tva.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Settings are checked once, with messages that say what is accepted. */
class LoadSettingsTest {
    private static final URI URL = URI.create("http://127.0.0.1:8080/io?ms=50");

    @Test
    void theOpenModelStartsFromDocumentedDefaults() {
        LoadSettings s = LoadSettings.open(URL, 2000, Duration.ofSeconds(20));

        assertThat(s.model()).isEqualTo(LoadModel.OPEN);
        assertThat(s.connections()).isEqualTo(LoadSettings.DEFAULT_CONNECTIONS).isEqualTo(1_000);
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.lateThreshold()).isEqualTo(Duration.ofMillis(10));
        assertThat(s.warmup()).isZero();
        assertThat(s.pathAndQuery()).isEqualTo("/io?ms=50");
    }

    @Test
    void theClosedModelHasNoRateAndNeverMoreLoopsThanConnections() {
        LoadSettings s = LoadSettings.closed(URL, 1, Duration.ofSeconds(1)).withLoops(4);

        assertThat(s.ratePerSec()).isZero();
        assertThat(s.effectiveLoops()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080", "http://localhost:1/x?y=1&z=2", "http://[::1]:9000/a"})
    void acceptsPlainHttpUrlsWithAPort(String url) {
        assertThat(LoadSettings.parseUrl(url).getScheme()).isEqualTo("http");
        assertThat(LoadSettings.open(LoadSettings.parseUrl(url), 1, Duration.ofSeconds(1)).pathAndQuery()).startsWith("/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1:21/", "https://127.0.0.1:8443/", "http://127.0.0.1/io", "127.0.0.1:8080", "http://:8080/", "not a url", "http://h:99999/"})
    void rejectsAnythingElseSayingWhatIsAccepted(String url) {
        assertThatThrownBy(() -> LoadSettings.parseUrl(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an http://HOST:PORT/PATH URL");
    }

    @Test
    void rejectsRatesDurationsAndCountsOutOfRange() {
        assertThatThrownBy(() -> LoadSettings.open(URL, 0, Duration.ofSeconds(1))).hasMessageContaining("rate must be above 0");
        assertThatThrownBy(() -> LoadSettings.open(URL, Double.NaN, Duration.ofSeconds(1))).hasMessageContaining("rate must be above 0");
        assertThatThrownBy(() -> LoadSettings.open(URL, 10, Duration.ZERO)).hasMessageContaining("duration must be 1 ms to 1 h");
        assertThatThrownBy(() -> LoadSettings.open(URL, 10, Duration.ofSeconds(1)).withConnections(0)).hasMessageContaining("connections must be at least 1");
        assertThatThrownBy(() -> LoadSettings.open(URL, 10, Duration.ofSeconds(1)).withWarmup(Duration.ofSeconds(-1))).hasMessageContaining("warm-up");
    }

    @Test
    void stepsSetTheRateAndTheDurationAndSurviveTheOtherSettings() {
        LoadSettings s = LoadSettings.open(URI.create("http://127.0.0.1:8080/hello"), 100, Duration.ofSeconds(1))
                .withSteps(List.of(new RateStep(200, Duration.ofSeconds(30)), new RateStep(50, Duration.ofSeconds(20))))
                .withTimeout(Duration.ofSeconds(2));
        assertThat(s.ratePerSec()).isEqualTo(200);
        assertThat(s.duration()).isEqualTo(Duration.ofSeconds(50));
        assertThat(s.steps()).hasSize(2);
        assertThat(LoadSettings.open(URI.create("http://127.0.0.1:8080/"), 100, Duration.ofSeconds(3)).steps())
                .containsExactly(new RateStep(100, Duration.ofSeconds(3)));
    }

    @Test
    void badStepsAreRefusedWithWhatIsAccepted() {
        LoadSettings closed = LoadSettings.closed(URI.create("http://127.0.0.1:8080/"), 4, Duration.ofSeconds(1));
        assertThatThrownBy(() -> closed.withSteps(List.of(new RateStep(10, Duration.ofSeconds(1)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("open model");
        assertThatThrownBy(() -> new RateStep(0, Duration.ofSeconds(1))).hasMessageContaining("above 0");
        assertThatThrownBy(() -> new RateStep(10, Duration.ZERO)).hasMessageContaining("1 ms to 1 h");
    }
}
