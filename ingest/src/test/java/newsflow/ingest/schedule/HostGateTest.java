package newsflow.ingest.schedule;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class HostGateTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void pollsOfOneHostAreLimitedInNumberAndSpacedApart() {
        ManualClock clock = new ManualClock();
        HostGate gate = new HostGate(2, Duration.ofSeconds(1), clock);

        assertThat(gate.tryAcquire("news.example")).isZero();
        assertThat(gate.tryAcquire("news.example")).isEqualTo(Duration.ofSeconds(1)); // too soon after the first
        assertThat(gate.tryAcquire("other.example")).isZero();                       // hosts are independent

        clock.now = clock.now.plusSeconds(1);
        assertThat(gate.tryAcquire("news.example")).isZero();
        clock.now = clock.now.plusSeconds(1);
        assertThat(gate.tryAcquire("news.example")).isPositive(); // two in flight already
        gate.release("news.example");
        assertThat(gate.tryAcquire("news.example")).isZero();
    }

    @Test
    void aThrottledHostWaitsUntilTheTimeItAskedFor() {
        ManualClock clock = new ManualClock();
        HostGate gate = new HostGate(2, Duration.ZERO, clock);
        gate.throttle("busy.example", clock.now.plusSeconds(120));

        assertThat(gate.tryAcquire("busy.example")).isEqualTo(Duration.ofSeconds(120));
        clock.now = clock.now.plusSeconds(120);
        assertThat(gate.tryAcquire("busy.example")).isZero();
    }

    @Test
    void theKeyIsTheLowerCasedHost() {
        assertThat(HostGate.hostOf("https://Feeds.Example.org/world/rss")).isEqualTo("feeds.example.org");
        assertThat(HostGate.hostOf("not a url")).isEqualTo("not a url");
    }
}
