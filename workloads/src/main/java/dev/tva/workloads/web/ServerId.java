package dev.tva.workloads.web;

import dev.tva.workloads.Model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The four lab servers; {@link #id()} is the one spelling used in the CLI, results and docs. */
public enum ServerId {
    /** Helidon 4 SE WebServer (Níma): a virtual thread per request, blocking handler code. */
    HELIDON("helidon", Model.VIRTUAL),
    /** The JDK {@code HttpServer} with a fixed pool of platform threads. */
    JDK_PLATFORM("jdk-platform", Model.PLATFORM),
    /** The JDK {@code HttpServer} with a virtual thread per request: the same code as jdk-platform. */
    JDK_VIRTUAL("jdk-virtual", Model.VIRTUAL),
    /** Netty on event loops, non-blocking handler code; blocking work offloaded. */
    NETTY("netty", Model.EVENT_LOOP);

    private final String id;
    private final Model model;

    ServerId(String id, Model model) {
        this.id = id;
        this.model = model;
    }

    public String id() {
        return id;
    }

    /** The execution model the server's handlers run on. */
    public Model model() {
        return model;
    }

    public static ServerId fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + id + "' is not a server; expected one of " + ids()));
    }

    public static String ids() {
        return Arrays.stream(values()).map(ServerId::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
