package dev.tva.load;

import io.netty.channel.epoll.Epoll;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class TransportTest {
    /**
     * The lab's machines are Linux x86-64, where the native library ships in the jar: if it stops loading (a
     * dependency dropped, a version that no longer matches), the generator would quietly fall back to NIO.
     */
    @Test
    void onLinuxX86TheGeneratorRunsOnEpoll() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        assumeTrue(os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64")), "epoll ships for Linux x86-64 only");

        assertThat(Epoll.isAvailable()).as(String.valueOf(Epoll.unavailabilityCause())).isTrue();
        assertThat(Transport.best()).isEqualTo(Transport.EPOLL);
        assertThat(LoadSettings.open(java.net.URI.create("http://127.0.0.1:1/"), 10, java.time.Duration.ofSeconds(1)).transport())
                .as("the default").isEqualTo(Transport.EPOLL);
    }

    @Test
    void theIdsParseAndAnythingElseNamesWhatIsAccepted() {
        assertThat(Transport.fromId("epoll")).isEqualTo(Transport.EPOLL);
        assertThat(Transport.fromId("nio")).isEqualTo(Transport.NIO);
        assertThat(Transport.NIO).hasToString("nio");
        assertThatThrownBy(() -> Transport.fromId("kqueue")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'kqueue' is not a transport; expected epoll (Linux) or nio");
        assertThatThrownBy(() -> Transport.fromId("EPOLL")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nioRunsEverywhere() {
        Transport.NIO.checkAvailable();
    }
}
