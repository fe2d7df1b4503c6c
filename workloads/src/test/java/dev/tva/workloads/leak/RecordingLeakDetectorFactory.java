package dev.tva.workloads.leak;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Makes Netty's leak detectors keep every leak they report, besides logging it as Netty does. */
final class RecordingLeakDetectorFactory extends ResourceLeakDetectorFactory {
    private final Queue<String> reports = new ConcurrentLinkedQueue<>();
    private final Set<String> resourceTypes = ConcurrentHashMap.newKeySet();

    @Override
    public <T> ResourceLeakDetector<T> newResourceLeakDetector(Class<T> resource, int samplingInterval, long maxActive) {
        resourceTypes.add(resource.getSimpleName());
        return new Recording<>(resource, samplingInterval, reports);
    }

    /** The simple names of the resources whose detectors this factory made ({@code ByteBuf} once Netty's buffers are loaded). */
    Set<String> resourceTypes() {
        return Set.copyOf(resourceTypes);
    }

    /** The reports kept since the last call, oldest first; they are forgotten. */
    List<String> drain() {
        List<String> drained = new ArrayList<>();
        for (String report; (report = reports.poll()) != null; ) {
            drained.add(report);
        }
        return drained;
    }

    /** Netty's detector, which also keeps what it reports (with the same words as its log line). */
    private static final class Recording<T> extends ResourceLeakDetector<T> {
        private final Queue<String> reports;

        Recording(Class<T> resource, int samplingInterval, Queue<String> reports) {
            super(resource, samplingInterval);
            this.reports = reports;
        }

        /* Netty reports only when its logger prints errors; a test must see a leak whatever the logging. */
        @Override
        protected boolean needReport() {
            return true;
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
            super.reportTracedLeak(resourceType, records);
            reports.add("LEAK: " + resourceType + ".release() was not called before it's garbage-collected." + records);
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
            super.reportUntracedLeak(resourceType);
            reports.add("LEAK: " + resourceType + ".release() was not called before it's garbage-collected"
                    + " (no access records: the leak detection level is below advanced).");
        }

        @Override
        protected void reportInstancesLeak(String resourceType) {
            super.reportInstancesLeak(resourceType);
            reports.add("LEAK: too many " + resourceType + " instances, a resource meant to be shared.");
        }
    }
}
