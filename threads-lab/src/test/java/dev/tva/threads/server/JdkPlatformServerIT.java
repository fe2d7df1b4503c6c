package dev.tva.threads.server;

import dev.tva.workloads.web.LabServer;
import dev.tva.workloads.web.ServerConfig;
import dev.tva.workloads.web.ServerId;

/** The jdk-platform server keeps the contract every lab server keeps. */
class JdkPlatformServerIT extends BlockingServerContract {

    @Override
    protected ServerId id() {
        return ServerId.JDK_PLATFORM;
    }

    @Override
    protected LabServer start(ServerConfig config) {
        return JdkHttpServer.start(config);
    }
}
