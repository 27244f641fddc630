package newsflow.common.http;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

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

        assertThat(gate.tryAcquire("news.example", null).acquired()).isTrue();
        HostGate.Ticket second = gate.tryAcquire("news.example", null);
        assertThat(second.delay()).isEqualTo(Duration.ofSeconds(1)); // too soon after the first
        assertThat(gate.tryAcquire("other.example", null).acquired()).isTrue(); // hosts are independent

        clock.now = clock.now.plusSeconds(1);
        assertThat(gate.tryAcquire("news.example", second.slot()).acquired()).isTrue();
        clock.now = clock.now.plusSeconds(1);
        HostGate.Ticket third = gate.tryAcquire("news.example", null);
        assertThat(third.acquired()).isFalse(); // two in flight already: its turn is kept
        gate.release("news.example");
        assertThat(gate.tryAcquire("news.example", third.slot()).acquired()).isTrue();
    }

    @Test
    void waitingFeedsOfABusyHostGetTurnsInTheOrderTheyAsked() {
        ManualClock clock = new ManualClock();
        HostGate gate = new HostGate(10, Duration.ofSeconds(1), clock);
        assertThat(gate.tryAcquire("busy.example", null).acquired()).isTrue();
        HostGate.Ticket a = gate.tryAcquire("busy.example", null);
        HostGate.Ticket b = gate.tryAcquire("busy.example", null);
        HostGate.Ticket c = gate.tryAcquire("busy.example", null);
        assertThat(List.of(a.slot(), b.slot(), c.slot())).containsExactly(
                clock.now.plusSeconds(1), clock.now.plusSeconds(2), clock.now.plusSeconds(3));

        clock.now = clock.now.plusSeconds(2);
        // a newcomer asking now cannot jump the queue: its turn comes after c's
        assertThat(gate.tryAcquire("busy.example", null).slot()).isEqualTo(c.slot().plusSeconds(1));
        assertThat(gate.tryAcquire("busy.example", a.slot()).acquired()).isTrue();
        assertThat(gate.tryAcquire("busy.example", b.slot()).acquired()).isTrue();
        assertThat(gate.tryAcquire("busy.example", c.slot()).acquired()).isFalse();
    }

    @Test
    void aThrottledHostWaitsUntilTheTimeItAskedFor() {
        ManualClock clock = new ManualClock();
        HostGate gate = new HostGate(2, Duration.ZERO, clock);
        gate.throttle("busy.example", clock.now.plusSeconds(120));

        HostGate.Ticket ticket = gate.tryAcquire("busy.example", null);
        assertThat(ticket.delay()).isEqualTo(Duration.ofSeconds(120));
        clock.now = clock.now.plusSeconds(120);
        assertThat(gate.tryAcquire("busy.example", ticket.slot()).acquired()).isTrue();
    }

    /** Two in flight, a second apart; its sleeps recorded and the clock moved by them. */
    private static HostGate sleepingGate(ManualClock clock, List<Duration> slept) {
        return new HostGate(2, Duration.ofSeconds(1), clock, d -> {
            slept.add(d);
            clock.now = clock.now.plus(d);
        });
    }

    @Test
    void aBlockingCallerSleepsUntilItsTurn() throws InterruptedException {
        ManualClock clock = new ManualClock();
        List<Duration> slept = new ArrayList<>();
        HostGate gate = sleepingGate(clock, slept);
        Instant start = clock.now;

        assertThat(gate.acquire("news.example", Duration.ofSeconds(60))).isTrue();
        assertThat(gate.acquire("news.example", Duration.ofSeconds(60))).isTrue();
        assertThat(slept).containsExactly(Duration.ofSeconds(1)); // the second waited for the spacing
        assertThat(clock.now).isEqualTo(start.plusSeconds(1));

        // two in flight: a third waits for its turn, then for a release; here none comes, so it gives up at the deadline
        assertThat(gate.acquire("news.example", Duration.ofSeconds(3))).isFalse();
        gate.release("news.example");
        assertThat(gate.acquire("news.example", Duration.ofSeconds(60))).isTrue();
    }

    @Test
    void aBlockingCallerGivesUpWithoutReservingWhenTheHostIsThrottledPastItsDeadline() throws InterruptedException {
        ManualClock clock = new ManualClock();
        List<Duration> slept = new ArrayList<>();
        HostGate gate = sleepingGate(clock, slept);
        gate.throttle("busy.example", clock.now.plusSeconds(600));

        assertThat(gate.acquire("busy.example", Duration.ofSeconds(60))).isFalse();
        assertThat(slept).isEmpty();
        assertThat(gate.acquire("other.example", Duration.ofSeconds(60))).isTrue(); // other hosts are not held up
        // giving up reserved nothing: once the host's wait is over, the next caller goes first, without spacing
        clock.now = clock.now.plusSeconds(600);
        assertThat(gate.tryAcquire("busy.example", null).acquired()).isTrue();
    }

    @Test
    void theKeyIsTheLowerCasedHost() {
        assertThat(HostGate.hostOf("https://Feeds.Example.org/world/rss")).isEqualTo("feeds.example.org");
        assertThat(HostGate.hostOf("not a url")).isEqualTo("not a url");
    }
}
