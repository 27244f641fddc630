package newsflow.common.retry;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    private final Backoff full = Backoff.full(Duration.ofMillis(250), Duration.ofSeconds(30));

    @Test
    void ceilingGrowsExponentiallyUpToTheCap() {
        assertThat(full.ceiling(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(full.ceiling(2)).isEqualTo(Duration.ofMillis(500));
        assertThat(full.ceiling(5)).isEqualTo(Duration.ofMillis(4000));
        assertThat(full.ceiling(9)).isEqualTo(Duration.ofSeconds(30));
        assertThat(full.ceiling(500)).as("no overflow").isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void fullJitterSpansZeroToTheCeiling() {
        assertThat(full.delay(5, 0.0)).isZero();
        assertThat(full.delay(5, 0.5)).isEqualTo(Duration.ofMillis(2000));
        assertThat(full.delay(5, 1.0)).isEqualTo(Duration.ofMillis(4000));
        assertThat(full.delay(40, 1.0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(full.delay(5, 7.0)).as("draw clamped").isEqualTo(Duration.ofMillis(4000));
    }

    @Test
    void partialJitterKeepsAGrowingFloor() {
        Backoff equal = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30), 0.5);

        assertThat(equal.delay(5, 0.0)).isEqualTo(Duration.ofMillis(2000));
        assertThat(equal.delay(5, 0.5)).isEqualTo(Duration.ofMillis(3000));
        assertThat(equal.delay(40, 0.0)).isEqualTo(Duration.ofSeconds(15));
        assertThat(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8), 0.0).delay(3, 0.3))
                .as("no jitter").isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void randomDrawsStayInBounds() {
        for (int attempt = 1; attempt < 50; attempt++) {
            assertThat(full.delay(attempt)).isBetween(Duration.ZERO, Duration.ofSeconds(30));
        }
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> full.delay(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.full(Duration.ZERO, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.full(Duration.ofSeconds(2), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
