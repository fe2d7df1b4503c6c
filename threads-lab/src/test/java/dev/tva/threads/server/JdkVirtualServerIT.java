package dev.tva.threads.server;

import dev.tva.workloads.web.HeadCase;
import dev.tva.workloads.web.LabServer;
import dev.tva.workloads.web.ServerConfig;
import dev.tva.workloads.web.ServerId;

import java.util.Set;

/** The jdk-virtual server keeps the contract every lab server keeps. */
class JdkVirtualServerIT extends BlockingServerContract {

    @Override
    protected ServerId id() {
        return ServerId.JDK_VIRTUAL;
    }

    @Override
    protected LabServer start(ServerConfig config) {
        return JdkHttpServer.start(config);
    }

    @Override
    protected Set<HeadCase> refusedInTheParsersOwnWords() {
        return JdkParserCases.REFUSED_IN_ITS_OWN_WORDS;
    }

    @Override
    protected Set<HeadCase> servedDespiteTheRules() {
        return JdkParserCases.SERVED;
    }

    /** The JDK closes a request over {@code sun.net.httpserver.maxReqTime} without an answer. */
    @Override
    protected SlowHeadEnd slowHeadEnd() {
        return SlowHeadEnd.CLOSED_UNANSWERED;
    }
}
