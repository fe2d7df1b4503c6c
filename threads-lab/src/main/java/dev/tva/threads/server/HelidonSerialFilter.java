package dev.tva.threads.server;

import io.helidon.common.SerializationConfig;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Helidon's JVM-wide allow-list for Java deserialization (JEP 290), set before its server starts, with what
 * the JDK's management connector needs added. Left to itself, Helidon allows no class at all, so a JMX client
 * attached to the server (the way {@code lab soak} reads its heap after GC, GC count and threads) has every
 * call refused ({@code InvalidClassException: filter status: REJECTED}). The classes added are the
 * platform's own: the JDK's packages, JMX, RMI and the security subject a call carries. Helidon still ends
 * the pattern with a refusal of everything else, and nothing the server reads from HTTP is deserialized.
 */
final class HelidonSerialFilter {
    /** The packages a JMX call to the server carries: object names, arguments, the RMI connector's own types. */
    static final String MANAGEMENT = "java.lang.**;java.util.**;java.rmi.**;java.security.**;javax.management.**;"
            + "javax.security.auth.**;sun.rmi.**;com.sun.jmx.**";
    private static final AtomicBoolean CONFIGURED = new AtomicBoolean();

    private HelidonSerialFilter() {
    }

    /** Sets the JVM's filter once; the JVM allows it to be set only once, and later servers in it share it. */
    static void configure() {
        if (CONFIGURED.compareAndSet(false, true)) {
            SerializationConfig.builder().filterPattern(MANAGEMENT).build().configure();
        }
    }
}
