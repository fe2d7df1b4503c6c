package dev.tva.workloads;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What the experiment driver itself costs per task: it drives a "model" whose tasks are already done
 * when started, so everything measured is the driver (permit, clock, histogram, completion).
 */
public final class HarnessOverhead {
    private HarnessOverhead() {
    }

    /** Nanoseconds of driver time per task, over {@code tasks} tasks, after a warm-up of the same size. */
    public static double nanosPerTask(int tasks, int concurrency) {
        try (ExecutionModel done = new AlreadyDone()) {
            Experiment.run(done, new Workload.Sleep(0), tasks, concurrency, Experiment.Progress.NONE);
            Experiment.Outcome outcome = Experiment.run(done, new Workload.Sleep(0), tasks, concurrency, Experiment.Progress.NONE);
            return (double) outcome.wallNanos() / tasks;
        }
    }

    /** Not one of the three models: a task that is finished before it starts. */
    private static final class AlreadyDone implements ExecutionModel {
        private static final CompletableFuture<Long> DONE = CompletableFuture.completedFuture(0L);

        @Override
        public Model model() {
            throw new UnsupportedOperationException("the harness baseline is not an execution model");
        }

        @Override
        public CompletionStage<Long> start(Workload workload) {
            return DONE;
        }

        @Override
        public int parallelism() {
            return 1;
        }

        @Override
        public String describe() {
            return "tasks that are done when started";
        }

        @Override
        public void close() {
        }
    }
}
