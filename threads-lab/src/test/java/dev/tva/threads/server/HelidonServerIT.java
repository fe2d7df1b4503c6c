package dev.tva.threads.server;

import dev.tva.workloads.web.HeadCase;
import dev.tva.workloads.web.LabServer;
import dev.tva.workloads.web.ServerConfig;
import dev.tva.workloads.web.ServerId;

import java.util.Set;

/** The helidon server keeps the contract every lab server keeps. */
class HelidonServerIT extends BlockingServerContract {

    @Override
    protected ServerId id() {
        return ServerId.HELIDON;
    }

    @Override
    protected LabServer start(ServerConfig config) {
        return HelidonServer.start(config);
    }

    @Override
    protected Set<HeadCase> refusedInTheParsersOwnWords() {
        return HelidonParserCases.REFUSED_IN_ITS_OWN_WORDS;
    }

    @Override
    protected Set<HeadCase> leftUnanswered() {
        return HelidonParserCases.UNANSWERED;
    }
}
