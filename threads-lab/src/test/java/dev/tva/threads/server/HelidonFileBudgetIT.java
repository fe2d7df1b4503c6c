package dev.tva.threads.server;

import dev.tva.workloads.web.FileBudgetContract;
import dev.tva.workloads.web.LabServer;
import dev.tva.workloads.web.ServerConfig;
import dev.tva.workloads.web.ServerId;

/** The helidon server keeps its file budget: the lab's check in front of the handler. */
class HelidonFileBudgetIT extends FileBudgetContract {

    @Override
    protected ServerId id() {
        return ServerId.HELIDON;
    }

    @Override
    protected LabServer start(ServerConfig config) {
        return HelidonServer.start(config);
    }
}
