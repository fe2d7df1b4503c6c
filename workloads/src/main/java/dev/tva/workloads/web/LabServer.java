package dev.tva.workloads.web;

/**
 * A running lab server. Each server module makes these from a {@link ServerConfig}; the CLI, the load
 * tests and the contract test treat all four alike through this interface.
 */
public interface LabServer extends AutoCloseable {

    ServerId id();

    /** The port it listens on (the real one when 0 was asked for). */
    int port();

    /** What runs the handlers, in a few words, e.g. "a fixed pool of 200 platform threads". */
    String describe();

    /**
     * Stops gracefully: stops accepting, lets requests in progress finish (for a few seconds at most),
     * then releases threads and sockets.
     */
    @Override
    void close();
}
