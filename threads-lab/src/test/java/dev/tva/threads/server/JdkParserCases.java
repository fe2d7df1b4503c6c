package dev.tva.threads.server;

import dev.tva.workloads.web.HeadCase;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the JDK {@code HttpServer}'s own parser decides before the lab's checks see a request, on both
 * jdk-platform and jdk-virtual (docs/servers.md, "Conformance").
 */
final class JdkParserCases {
    /** Refused by the JDK itself, with the lab's status and an HTML body of its own. */
    static final Set<HeadCase> REFUSED_IN_ITS_OWN_WORDS = EnumSet.of(HeadCase.CR_IN_A_VALUE, HeadCase.LF_IN_A_VALUE,
            HeadCase.SPACE_BEFORE_THE_COLON, HeadCase.NEGATIVE_LENGTH, HeadCase.LENGTH_LIST, HeadCase.TWO_LENGTHS,
            HeadCase.LENGTH_NOT_DIGITS, HeadCase.UNKNOWN_CODING, HeadCase.CHUNKED_NOT_LAST,
            HeadCase.UNKNOWN_CODING_BEFORE_CHUNKED, HeadCase.LENGTH_WITH_TRANSFER_ENCODING);
    /** A bare CR or LF followed by a field: the JDK ends the line there and reads two fields, so no check sees it. */
    static final Set<HeadCase> SERVED = EnumSet.of(HeadCase.CR_BEFORE_A_FIELD, HeadCase.LF_BEFORE_A_FIELD);

    private JdkParserCases() {
    }
}
