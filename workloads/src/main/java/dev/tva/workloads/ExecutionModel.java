package dev.tva.workloads;

import java.util.concurrent.CompletionStage;

/**
 * The one seam of the lab: an execution model starts a task and tells when it is done.
 *
 * <p>{@code threads-lab} implements it with an {@code ExecutorService} (a platform pool or a virtual
 * thread per task) running blocking code; {@code async-lab} with Netty event loops running
 * non-blocking code. The experiment driver sees nothing else, so it is identical for every model.
 */
public interface ExecutionModel extends AutoCloseable {

    /** Which model this is. */
    Model model();

    /**
     * Starts one task and returns at once; the stage completes with the task's result (bytes read, or
     * the CPU checksum) or exceptionally with its failure.
     */
    CompletionStage<Long> start(Workload workload);

    /** How many tasks can run at the same time: pool threads, carrier threads or event loops. */
    int parallelism();

    /** The model's settings in words, e.g. {@code "platform pool of 200 threads"}. */
    String describe();

    /** Stops the model's threads and closes its connections. */
    @Override
    void close();
}
