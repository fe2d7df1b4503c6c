package dev.tva.bench;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every benchmark method a suite's notices look up is a {@code @Benchmark} method of that suite: a typo fails here. */
class SuiteNoticesTest {

    private static final List<BenchMethod> LOOKED_UP = Stream.of(SpawnNotices.Method.values(), HandoffNotices.Method.values(),
            IoBoundNotices.Method.values(), CpuBoundNotices.Method.values(), MixedNotices.Method.values(),
            FanOutNotices.Method.values(), PinningNotices.Method.values(), LockContentionNotices.Method.values())
            .flatMap(Arrays::stream).map(BenchMethod.class::cast).toList();

    private static Set<String> benchmarkMethods(Suite suite) {
        return Arrays.stream(suite.benchmarkClass().getMethods()).filter(m -> m.isAnnotationPresent(Benchmark.class))
                .map(Method::getName).collect(Collectors.toSet());
    }

    @Test
    void everyMethodLookedUpIsABenchmarkOfItsSuite() {
        assertThat(LOOKED_UP).isNotEmpty().allSatisfy(m ->
                assertThat(benchmarkMethods(m.suite())).as(m.suite().id()).contains(m.methodName()));
    }

    @Test
    void constantNamesBecomeJmhMethodNames() {
        assertThat(PinningNotices.Method.SYNCHRONIZED_PINS_BEFORE_JDK24.methodName()).isEqualTo("synchronizedPinsBeforeJdk24");
        assertThat(HandoffNotices.Method.PING_PONG.methodName()).isEqualTo("pingPong");
        assertThat(IoBoundNotices.Method.HTTP.methodName()).isEqualTo("http");
    }

    @Test
    void everySuiteHasNoticesOfItsOwnBesideIt() {
        for (Suite suite : Suite.values()) {
            Class<?> notices = suite.notices().getClass();
            assertThat(notices.getSimpleName()).as(suite.id()).isEqualTo(suite.id() + "Notices");
            assertThat(notices.getPackageName()).as(suite.id()).isEqualTo(suite.benchmarkClass().getPackageName());
        }
    }
}
