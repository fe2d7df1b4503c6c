package dev.tva.engine;

import dev.tva.async.server.NettyServer;
import dev.tva.threads.server.HelidonServer;
import dev.tva.threads.server.JdkHttpServer;
import dev.tva.workloads.web.LabServer;
import dev.tva.workloads.web.ServerConfig;

/** The one place that maps a server id to the class that runs it. */
public final class ServerFactory {
    private ServerFactory() {
    }

    public static LabServer start(ServerConfig config) {
        return switch (config.server()) {
            case HELIDON -> HelidonServer.start(config);
            case JDK_PLATFORM, JDK_VIRTUAL -> JdkHttpServer.start(config);
            case NETTY -> NettyServer.start(config);
        };
    }
}
