package dev.tva.bench;

import java.util.List;

/** A suite's "what to notice", kept beside the suite: sentences whose every number is computed from a run's scores. */
public interface SuiteNotices {

    /**
     * The sentences, each left out when a number it needs is missing from {@code run}. A ratio or a "faster"
     * between two scores is stated only when {@link Score#separatesFrom} says their intervals do not overlap.
     */
    List<String> notices(BenchRun run);
}
