package dev.tva.course.stopstream;

import dev.tva.course.Check;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks' own logic, on hand-made streamers: an answer written all at the end is not a stream; a producer that
 * swallows the interrupt it is sent goes on generating; one that stops generating but parks forever still leaks its thread.
 */
class StopStreamChecksTest {
    private final StopStreamChecks checks = new StopStreamChecks();

    @Test
    void theWholeAnswerWrittenAtTheEndArrivesInOrderButIsNoStream() throws Exception {
        Streamer allAtTheEnd = (client, generator) -> {
            StringBuilder answer = new StringBuilder();
            for (int i = 1; i <= generator.chunks(); i++) {
                answer.append(generator.generate(i));
            }
            client.getOutputStream().write(answer.toString().getBytes(StandardCharsets.UTF_8));
        };

        Check.Seen seen = check(0).trial().run(allAtTheEnd);

        assertThat(seen.held()).as(seen.what()).isFalse();
        assertThat(seen.what()).startsWith("8 of 8 chunks arrived in order").contains("target over 175 ms");
    }

    @Test
    void aProducerThatSwallowsTheInterruptGoesOnGenerating() throws Exception {
        Streamer swallows = (client, generator) -> {
            BlockingQueue<String> ready = new LinkedBlockingQueue<>();
            Thread producer = Thread.ofVirtual().name("deaf-generator").start(() -> {
                for (int i = 1; i <= generator.chunks(); i++) {
                    try {
                        ready.add(generator.generate(i));
                    } catch (InterruptedException e) {
                        if (e.getMessage() != null && e.getMessage().startsWith("the check is over")) {
                            return; // the check ends what outlived it
                        }
                        // the bug: swallowed, and the loop goes on
                    }
                }
            });
            write(client.getOutputStream(), ready, generator.chunks(), producer);
        };

        Check.Seen stops = check(1).trial().run(swallows);

        assertThat(stops.held()).as(stops.what()).isFalse();
        assertThat(stops.what()).startsWith("the client left after 4 chunks of 100; ").contains("still at work when the check stopped watching");
    }

    @Test
    void aProducerThatStopsGeneratingButParksForeverStillLeaksItsThread() throws Exception {
        Streamer parks = (client, generator) -> {
            BlockingQueue<String> ready = new LinkedBlockingQueue<>();
            Thread producer = Thread.ofVirtual().name("parked-generator").start(() -> {
                try {
                    for (int i = 1; i <= generator.chunks(); i++) {
                        ready.add(generator.generate(i));
                    }
                } catch (InterruptedException stop) {
                    try {
                        new CountDownLatch(1).await(); // a wait nobody ends, like a put on a full queue nobody takes from
                    } catch (InterruptedException ignored) {
                        // not reached in the test
                    }
                }
            });
            write(client.getOutputStream(), ready, generator.chunks(), producer);
        };

        Check.Seen stops = check(1).trial().run(parks);
        Check.Seen ends = check(2).trial().run(parks);

        assertThat(stops.held()).as(stops.what()).isTrue();
        assertThat(ends.held()).as(ends.what()).isFalse();
        assertThat(ends.what()).contains("still alive 1000 ms after: 'parked-generator'");
    }

    private Check<Streamer> check(int index) {
        return checks.checks().get(index);
    }

    /** Writes the chunks; a failed write interrupts the producer (and waits for nothing). */
    private static void write(OutputStream out, BlockingQueue<String> ready, int chunks, Thread producer) throws IOException, InterruptedException {
        try {
            for (int i = 1; i <= chunks; i++) {
                out.write(ready.take().getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } finally {
            producer.interrupt();
        }
    }
}
