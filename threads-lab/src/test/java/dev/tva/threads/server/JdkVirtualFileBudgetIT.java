package dev.tva.threads.server;

import dev.tva.workloads.web.FileBudgetContract;
import dev.tva.workloads.web.LabServer;
import dev.tva.workloads.web.ServerConfig;
import dev.tva.workloads.web.ServerId;

/** The jdk-virtual server keeps its file budget: the lab's check in front of the handler. */
class JdkVirtualFileBudgetIT extends FileBudgetContract {

    @Override
    protected ServerId id() {
        return ServerId.JDK_VIRTUAL;
    }

    @Override
    protected LabServer start(ServerConfig config) {
        return JdkHttpServer.start(config);
    }
}
