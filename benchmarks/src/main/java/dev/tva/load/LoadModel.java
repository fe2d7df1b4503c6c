package dev.tva.load;

/**
 * How requests arrive. {@link #id()} is the spelling in the CLI and in result files.
 *
 * <p>Only the open model measures what a user of a server sees: arrivals do not wait for the server.
 * The closed model is kept as a contrast, to show how it hides a stall.
 */
public enum LoadModel {
    /** Request {@code i} is due at {@code t0 + i / rate}, answered or not; latency counts from that time. */
    OPEN("open"),
    /** Each connection sends its next request when the previous answer arrives; latency counts from the send. */
    CLOSED("closed");

    private final String id;

    LoadModel(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
