package newsflow.app.run;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import newsflow.common.stage.Stage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Readiness follows a fake probe; the outage threshold is measured on a fake clock. */
class DependencyHealthTest {

    /** A service whose answer the test decides. */
    private static final class FakeProbe implements DependencyHealth.Probe {
        volatile String failure;

        @Override
        public String name() {
            return "elasticsearch";
        }

        @Override
        public String address() {
            return "http://127.0.0.1:19200";
        }

        @Override
        public void check() {
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
        }
    }

    private final FakeProbe probe = new FakeProbe();
    private final AtomicLong clock = new AtomicLong();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DependencyHealth health = new DependencyHealth(List.of(probe), Duration.ofSeconds(60), registry, clock::get);

    private double outages() {
        return registry.get("newsflow_dependency_outages").tag("service", "elasticsearch").counter().count();
    }

    private double unreachableSeconds() {
        return registry.get("newsflow_dependency_unreachable_seconds").tag("service", "elasticsearch").gauge().value();
    }

    @Test
    void readinessTurnsFalseWhileTheServiceIsUnreachableAndBackWhenItReturns() {
        Stage index = new FakeStage("index");
        health.checkNow();
        assertThat(ReadyAnswer.of(List.of(index), health.unreachable()).ready()).isTrue();

        probe.failure = "Connection refused";
        health.checkNow();
        ReadyAnswer down = ReadyAnswer.of(List.of(index), health.unreachable());
        assertThat(down.ready()).isFalse();
        assertThat(down.body()).containsEntry("status", "UNAVAILABLE")
                .containsEntry("unreachable", Map.of("elasticsearch",
                        "elasticsearch unreachable at http://127.0.0.1:19200: Connection refused"));

        probe.failure = null;
        health.checkNow();
        ReadyAnswer back = ReadyAnswer.of(List.of(index), health.unreachable());
        assertThat(back.ready()).isTrue();
        assertThat(back.body()).containsEntry("status", "READY").doesNotContainKey("unreachable");
    }

    @Test
    void anOutageLongerThanTheThresholdIsCountedOnce() {
        probe.failure = "Connection refused";
        health.checkNow();
        clock.set(Duration.ofSeconds(59).toNanos());
        health.checkNow();
        assertThat(outages()).isZero();
        assertThat(unreachableSeconds()).isEqualTo(59.0);

        clock.set(Duration.ofSeconds(60).toNanos());
        health.checkNow();
        clock.set(Duration.ofSeconds(120).toNanos());
        health.checkNow();
        assertThat(outages()).isEqualTo(1.0);

        probe.failure = null;
        health.checkNow();
        assertThat(unreachableSeconds()).isZero();

        // a new outage starts its own clock and is counted again once it too lasts long enough
        probe.failure = "Connection refused";
        health.checkNow();
        clock.set(Duration.ofSeconds(179).toNanos());
        health.checkNow();
        assertThat(outages()).isEqualTo(1.0);
        clock.set(Duration.ofSeconds(180).toNanos());
        health.checkNow();
        assertThat(outages()).isEqualTo(2.0);
    }

    @Test
    void aStageStillStartingIsReportedAsStarting() {
        FakeStage starting = new FakeStage("enrich");
        starting.ready = false;
        ReadyAnswer answer = ReadyAnswer.of(List.of(starting), Map.of());
        assertThat(answer.ready()).isFalse();
        assertThat(answer.body()).containsEntry("status", "STARTING").containsEntry("stages", Map.of("enrich", false));
    }

    private static final class FakeStage implements Stage {
        private final String name;
        boolean ready = true;

        FakeStage(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public boolean ready() {
            return ready;
        }

        @Override
        public void run() {
        }

        @Override
        public void close() {
        }
    }
}
