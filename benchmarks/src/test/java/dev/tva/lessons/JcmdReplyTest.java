package dev.tva.lessons;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A thread dump counts only when jcmd says it created the file; a "Failed:" reply with exit 0 is a failure. */
class JcmdReplyTest {

    @Test
    void createdIsTheOnlyReplyThatCounts() {
        assertThat(new DebuggingLesson.JcmdReply(0, "4242:\nCreated /tmp/first.json\n").failure()).isNull();
        assertThat(new DebuggingLesson.JcmdReply(0, "4242:\nFailed: java.lang.IllegalStateException\n").failure())
                .isEqualTo("jcmd replied Failed: java.lang.IllegalStateException");
        assertThat(new DebuggingLesson.JcmdReply(1, "4242:\nCreated /tmp/first.json\n").failure())
                .isEqualTo("jcmd exit 1: Created /tmp/first.json");
        assertThat(new DebuggingLesson.JcmdReply(0, "").failure()).isEqualTo("jcmd replied nothing");
    }
}
