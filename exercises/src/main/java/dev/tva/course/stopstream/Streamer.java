package dev.tva.course.stopstream;

import java.io.IOException;
import java.net.Socket;

/*
 * Long-lived tasks (lesson long-lived, §6): the ChatGPT case. An answer is generated chunk by chunk and streamed to the
 * client as each chunk exists; the connection stays open for seconds. Generating is the expensive part, so it runs
 * ahead in a task of its own. When the client goes away (closes the tab), nobody reads the rest: a task that keeps
 * generating for nobody wastes what it costs, and one that never ends leaks a thread per abandoned stream. A task
 * you start for a connection is yours to stop when the connection goes. `./lab lesson long-lived` shows heartbeats
 * that stop cleanly (and one that never does) and servers holding many streams open.
 */

/** Streams a generated answer over one connection: the interface the student's {@code StudentStreamer} implements. */
public interface Streamer {

    /**
     * Writes every chunk the generator makes to the client, in order, each as soon as it exists, and returns when the
     * stream is over: every chunk written, or the client gone. The check's server calls it on a virtual thread of its
     * own for each connection and closes the connection when it returns (or throws).
     *
     * @param client    the connection; its output stream reaches the client, and a write fails once the client has gone
     * @param generator makes the chunks, each in about one interval
     */
    void stream(Socket client, Generator generator) throws IOException, InterruptedException;

    /** Makes the answer's chunks: the expensive, slow part, like a model generating the next tokens. */
    interface Generator {
        /** How many chunks the answer has. */
        int chunks();

        /** Makes chunk {@code index} (1 to {@link #chunks()}): works for one interval, then returns it as a line; an interrupt stops it. */
        String generate(int index) throws InterruptedException;
    }
}
