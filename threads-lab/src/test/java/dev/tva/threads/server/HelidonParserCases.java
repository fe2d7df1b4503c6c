package dev.tva.threads.server;

import dev.tva.workloads.web.HeadCase;

import java.util.EnumSet;
import java.util.Set;

/** What Helidon's own parser decides before the lab's checks see a request (docs/servers.md, "Conformance"). */
final class HelidonParserCases {
    /** Refused by Helidon itself while it reads the fields: the lab's status (400), an empty body of its own. */
    static final Set<HeadCase> REFUSED_IN_ITS_OWN_WORDS = EnumSet.of(HeadCase.NUL_IN_A_VALUE, HeadCase.CR_IN_A_VALUE,
            HeadCase.CR_BEFORE_A_FIELD, HeadCase.LF_IN_A_VALUE, HeadCase.LF_BEFORE_A_FIELD, HeadCase.SPACE_BEFORE_THE_COLON);
    /** A chunk size that is not hex: Helidon's chunk reader neither fails nor reads on, the connection waits. */
    static final Set<HeadCase> UNANSWERED = EnumSet.of(HeadCase.CHUNK_SIZE_NOT_HEX, HeadCase.NEGATIVE_CHUNK_SIZE);

    private HelidonParserCases() {
    }
}
