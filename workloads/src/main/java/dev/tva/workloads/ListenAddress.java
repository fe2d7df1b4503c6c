package dev.tva.workloads;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/*
 * A wildcard address (0.0.0.0, ::) means "every address of this machine". It is where a server listens, never
 * where a client connects: its URLs are this machine's own addresses (for other machines) and the loopback
 * address (for this one).
 */

/**
 * Where a server listens, and the URLs that reach it.
 *
 * @param host what the server was told to listen on: an address or a name
 * @param port the port it listens on (the real one, after 0 picked a free port)
 */
public record ListenAddress(String host, int port) {

    /** True for {@code 0.0.0.0} and {@code ::}: the server accepts connections on every interface. */
    public boolean isWildcard() {
        return address().map(InetAddress::isAnyLocalAddress).orElse(false);
    }

    /** A URL this machine can use: the host itself, or the loopback address for a wildcard. */
    public URI localUri() {
        return isWildcard() ? uri(InetAddress.getLoopbackAddress().getHostAddress()) : uri(host);
    }

    /**
     * URLs that reach the server from other machines, best first: the host itself, or for a wildcard
     * each address of this machine's network interfaces that are up (IPv4 first; no loopback, no link-local
     * IPv6, which needs an interface name to be usable). Empty when a wildcard server has no such address.
     */
    public List<URI> remoteUris() {
        if (!isWildcard()) {
            return List.of(uri(host));
        }
        boolean ipv6Too = address().map(a -> a instanceof Inet6Address).orElse(false);
        List<InetAddress> found = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address || (ipv6Too && !a.isLinkLocalAddress())) {
                        found.add(a);
                    }
                }
            }
        } catch (SocketException e) {
            return List.of(); // no interface list: the caller prints the loopback URL only
        }
        found.sort(Comparator.comparing((InetAddress a) -> a instanceof Inet6Address));
        return found.stream().map(a -> uri(a.getHostAddress().replaceFirst("%.*$", ""))).distinct().toList();
    }

    /** True when only this machine can connect: a loopback address such as {@code 127.0.0.1} or {@code localhost}. */
    public boolean isLoopback() {
        return address().map(InetAddress::isLoopbackAddress).orElse(false);
    }

    /** Where it listens, for a person: {@code http://127.0.0.1:8080}, or {@code 0.0.0.0:8080 (every address of this machine)}. */
    public String where() {
        return isWildcard() ? bracketed(host) + ":" + port + " (every address of this machine)" : localUri().toString();
    }

    /**
     * The URLs to use, for a person: for a wildcard
     * {@code http://192.0.2.2:8080 from other machines, http://127.0.0.1:8080 from this one}.
     */
    public String reachableAt() {
        if (isLoopback()) {
            return localUri() + " from this machine only (--host 0.0.0.0 listens on every address)";
        }
        if (!isWildcard()) {
            return localUri() + " from this machine and others";
        }
        List<URI> remote = remoteUris();
        return (remote.isEmpty() ? "no network address found for other machines"
                : String.join(" or ", remote.stream().map(URI::toString).toList()) + " from other machines")
                + ", " + localUri() + " from this one";
    }

    /** The URL to show first: one another machine can use when there is one, else the local one. */
    public URI preferredUri() {
        List<URI> remote = remoteUris();
        return isWildcard() && !remote.isEmpty() ? remote.get(0) : localUri();
    }

    private URI uri(String address) {
        return URI.create("http://" + bracketed(address) + ":" + port);
    }

    private static String bracketed(String address) {
        return address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
    }

    private Optional<InetAddress> address() {
        try {
            return Optional.of(InetAddress.getByName(host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
