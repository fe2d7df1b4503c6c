package dev.tva.solutions.stopstream;

import dev.tva.course.stopstream.Streamer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/*
 * SOLUTION stop-the-stream. The producer is this stream's task, so the stream stops it: the finally block runs
 * whichever way the writing ends, all chunks written or a write failed because the client left. interrupt() stops the
 * generator mid-chunk (generate() and queue.put() both answer an interrupt with InterruptedException, which the
 * producer takes as "leave"), and join() waits until its thread has really ended, so nothing of this stream outlives it.
 */

/** The reference streamer: the producer is stopped and joined whenever the stream ends. */
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
        try {
            OutputStream out = client.getOutputStream();
            for (int i = 1; i <= generator.chunks(); i++) {
                out.write(ready.take().getBytes(StandardCharsets.UTF_8));
                out.flush(); // fails once the client has gone
            }
        } finally {
            producer.interrupt();
            producer.join();
        }
    }
}
