package dev.tva.exercises.stopstream;

import dev.tva.course.stopstream.Streamer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/*
 * EXERCISE stop-the-stream (lesson long-lived, tutorial §6).
 *
 * An answer is generated chunk by chunk, 50 ms a chunk, and streamed to the client as each chunk is ready, the way a
 * chat model streams its reply. Generating runs ahead on a producer thread of its own and hands each chunk over a
 * queue to this connection's thread, which writes it. When the client leaves (closes the connection), the next
 * writes fail and stream() ends with an IOException: but nobody tells the producer, which goes on generating the
 * whole answer for nobody, and its thread lives on until it is done.
 *
 * Your job: when the stream ends, for whatever reason, stop the producer and wait for its thread to end. Check it
 * (no rebuild needed):
 *
 *   ./lab exercise check stop-the-stream
 */

/** The student's streamer: a producer thread generates ahead, the connection's thread writes; nothing stops the producer. */
public class StudentStreamer implements Streamer {

    @Override
    public void stream(Socket client, Generator generator) throws IOException, InterruptedException {
        BlockingQueue<String> ready = new LinkedBlockingQueue<>();
        Thread producer = Thread.ofVirtual().name("generator").start(() -> {
            try {
                for (int i = 1; i <= generator.chunks(); i++) {
                    ready.put(generator.generate(i));
                }
            } catch (InterruptedException e) {
                // asked to stop: leave
            }
        });
        // TODO: whichever way the writing ends (all written, or a write failed because the client left), stop the
        //  producer and wait for it to end.
        OutputStream out = client.getOutputStream();
        for (int i = 1; i <= generator.chunks(); i++) {
            out.write(ready.take().getBytes(StandardCharsets.UTF_8));
            out.flush(); // fails once the client has gone
        }
    }
}
