package dev.tva.workloads;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

/** A wildcard address is never printed as a URL: it is not a destination. */
class ListenAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::"})
    void aWildcardIsReachedThroughLoopbackHereAndThroughTheMachinesOwnAddressesElsewhere(String wildcard) {
        ListenAddress address = new ListenAddress(wildcard, 8080);

        assertThat(address.isWildcard()).isTrue();
        assertThat(address.isLoopback()).isFalse();
        assertThat(address.localUri().getHost()).isIn("127.0.0.1", "[::1]");
        assertThat(address.remoteUris()).allSatisfy(uri -> {
            assertThat(uri.getPort()).isEqualTo(8080);
            assertThat(uri.getHost()).doesNotStartWith("0.0.0.0").doesNotStartWith("[::]").doesNotStartWith("127.").doesNotContain("%");
        });
        assertThat(address.preferredUri().getHost()).isNotIn("0.0.0.0", "[::]");
        assertThat(address.where()).endsWith(":8080 (every address of this machine)");
        assertThat(address.reachableAt()).endsWith(address.localUri() + " from this one").doesNotContain("http://0.0.0.0");
    }

    @Test
    void aLoopbackAddressSaysOnlyThisMachineCanConnect() {
        ListenAddress address = new ListenAddress("127.0.0.1", 9000);

        assertThat(address.isWildcard()).isFalse();
        assertThat(address.isLoopback()).isTrue();
        assertThat(address.localUri()).isEqualTo(URI.create("http://127.0.0.1:9000"));
        assertThat(address.preferredUri()).isEqualTo(address.localUri());
        assertThat(address.where()).isEqualTo("http://127.0.0.1:9000");
        assertThat(address.reachableAt()).contains("from this machine only").contains("--host 0.0.0.0");
    }

    @Test
    void anIpv6AddressIsBracketedInItsUrl() {
        ListenAddress address = new ListenAddress("::1", 9000);

        assertThat(address.localUri()).isEqualTo(URI.create("http://[::1]:9000"));
        assertThat(address.localUri().getPort()).isEqualTo(9000);
    }

    @Test
    void aNamedHostStaysItsName() {
        assertThat(new ListenAddress("localhost", 80).localUri()).isEqualTo(URI.create("http://localhost:80"));
    }
}
